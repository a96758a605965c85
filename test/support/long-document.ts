import {generatePostmortem} from '../../bench/corpus.js'

/**
 * Postmortems gathered in one file, past 256 K, with what reaches across a
 * heading: a fence holding `# comment` lines, a reference to a definition in
 * another postmortem, a setext heading.
 */
export function gathered(): string {
  const parts = ['Incident reviews of the year\n============================\n\nSee [the runbook] before editing.\n']
  for (let index = 0; parts.join('\n\n').length < 300_000; index++) {
    const text = generatePostmortem(5, index)
    parts.push(index % 10 === 3 ? `${text}\n\n\`\`\`bash\n# drain the node first\nkubectl drain node-7\n\n# then restart\n` : text)
    if (index % 10 === 3) parts.push('```\n')
  }
  parts.push('[the runbook]: https://example.com/runbook\n')
  return parts.join('\n\n')
}

