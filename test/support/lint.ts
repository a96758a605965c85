import remarkParse from 'remark-parse'
import {type PluggableList, unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** Lints `markdown` with the given plugins, as remark would. */
export async function lint(markdown: string, plugins: PluggableList, path = 'postmortem.md'): Promise<VFileMessage[]> {
  const file = new VFile({path, value: markdown})
  const processor = unified().use(remarkParse).use(plugins)
  await processor.run(processor.parse(file), file)
  return file.messages
}

/** `line:column-line:column: reason`, the way fixtures and docs write expected messages. */
export function formatMessage(message: VFileMessage): string {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : undefined
  const at = start ? `${start.line}:${start.column}${end ? `-${end.line}:${end.column}` : ''}` : '0:0'
  return `${at}: ${message.reason}`
}
