/**
 * The Neovim setup that docs/language-server.md documents, run by a stock
 * Neovim (Debian's 0.7.2 in CI) headless: it opens a flawed postmortem, reads
 * the server's diagnostics and applies a quick fix.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {ROOT} from '../cli/support/run.js'

function hasNeovim(): boolean {
  try {
    execFileSync('nvim', ['--version'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}
const neovim = hasNeovim()
if (!neovim) console.warn('neovim: skipped, no `nvim` on PATH (.ci/run installs Debian\'s neovim)')

/** The lua block under "Neovim 0.7 and later" in the docs: the configuration users copy. */
function documentedConfig(): string {
  const page = readFileSync(path.join(ROOT, 'docs/language-server.md'), 'utf8')
  const section = page.slice(page.indexOf('### Neovim 0.7 and later'))
  const block = /```lua\n([^]*?)```/.exec(section)?.[1]
  if (!block) throw new Error('no lua block under "Neovim 0.7 and later" in docs/language-server.md')
  return block
}

// Waits for diagnostics, writes them, asks for the code actions of all of them, applies the first.
const CHECK = `
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local out, lsp_diagnostics = {}, {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, string.format('%d:%d %s', d.lnum + 1, d.col + 1, d.message))
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(lsp_diagnostics, {
    range = {start = {line = d.lnum, character = d.col}, ['end'] = {line = d.end_lnum, character = d.end_col}},
    message = d.message, severity = d.severity, source = d.source, code = lsp.code, data = lsp.data,
  })
end
local params = {textDocument = vim.lsp.util.make_text_document_params(), context = {diagnostics = lsp_diagnostics},
  range = {start = {line = 0, character = 0}, ['end'] = {line = vim.api.nvim_buf_line_count(0), character = 0}}}
local applied
for _, res in pairs(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}) do
  for _, action in ipairs(res.result or {}) do
    if action.edit and not applied then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = action.title
    end
  end
end
table.insert(out, 'applied: ' .. tostring(applied))
vim.fn.writefile(out, 'result.txt')
vim.cmd('write')
vim.cmd('qall!')
`

const FLAWED = '# Queue backlog\n\n## Summary\n\nJobs were delayed for 20% of tenants.\n\n## Timeline\n\n- 10:05 Queue alert.\n- 10:40 Consumers scaled.\n'

describe.skipIf(!neovim)('Neovim with the documented configuration', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'postmortem-neovim-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('shows the diagnostics and applies a quick fix', {timeout: 60_000}, () => {
    // The server on PATH, as a global install puts it.
    symlinkSync(path.join(ROOT, 'bin/postmortem-language-server.js'), path.join(dir, 'postmortem-language-server'))
    writeFileSync(path.join(dir, 'init.lua'), documentedConfig())
    writeFileSync(path.join(dir, 'check.lua'), CHECK)
    writeFileSync(path.join(dir, 'incident.md'), FLAWED)
    execFileSync('nvim', ['--headless', '-u', 'init.lua', '-c', 'luafile check.lua', 'incident.md'], {
      cwd: dir,
      env: {...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`, HOME: dir},
      stdio: 'ignore',
      timeout: 50_000
    })
    const result = readFileSync(path.join(dir, 'result.txt'), 'utf8')
    expect(result).toContain('11:1 Unexpected missing root cause section, expected a heading such as `## Root cause`')
    expect(result).toContain('9:3 Unexpected clock times without a time zone')
    // A quick fix's title is one line (the relay shortens unified-language-server's).
    expect(result).toMatch(/^applied: Insert `## [A-Z][^`\n]*`$/m)
    expect(readFileSync(path.join(dir, 'incident.md'), 'utf8')).toContain('## Root cause')
  })
})
