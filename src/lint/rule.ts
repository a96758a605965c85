import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {isSetAside} from './document-guard.js'
import {location} from 'vfile-location'
import {type PostmortemModel, getModel} from '../model/model.js'
import {ConfigurationError, type Schema, findProblem} from './options.js'
// What every rule's options schema is made of, beside defineRule.
export {uniqueList} from './options.js'
import {attachedByEngine, failEachFile} from './config-file.js'
import {SECTION_KINDS, type SynonymOption} from '../model/sections/synonyms.js'
import {type Span, markdownText} from '../model/text/text.js'
import {memoPerObject} from '../model/support/memo.js'
import type {Template} from '../model/template/template.js'
import {loadTemplate, resolveTemplate} from './template.js'
import path from 'node:path'

export const DOCS_URL = 'https://github.com/remark-preset-lint-postmortem/remark-preset-lint-postmortem/blob/main/docs/rules/'

export type PresetName = 'recommended' | 'strict'

/** What every rule says of itself, as ESLint rules carry `meta`. */
export interface RuleMeta {
  /** `postmortem-timeline-order` */
  id: string
  /** `timeline-order`: the file and subpath the rule lives at. */
  name: string
  origin: string
  description: string
  url: string
  fixable: boolean
  preset: PresetName
  schema: Schema & {type: 'object'}
  /** Every message the rule gives, by id; `{name}` stands for a value of the report's data. */
  messages: Readonly<Record<string, string>>
}

/** A place in the document, as offsets; a point when `end` is left out. */
export interface Place {
  start: number
  end?: number
}

/** Values for the `{name}`s of a message. */
export type MessageData = Readonly<Record<string, string | number>>

/** One finding: which of the rule's messages, with what, where. */
export interface Report<MessageId extends string> {
  messageId: MessageId
  data?: MessageData
  place: Span | Place
  /** Replacement(s) for the text at the place (an insertion when the place is a point). */
  expected?: string[]
  note?: string
  /** The related place that explains the finding (the earlier entry of an entry out of order), with its own message. */
  cause?: {messageId: MessageId; data?: MessageData; place: Span | Place}
}

/** A fix that inserts text (a missing section's heading): the report's place and `expected`, for a report to spread. */
export function insertAt(insertion: {offset: number; text: string}): {place: Place; expected: string[]} {
  return {place: {start: insertion.offset}, expected: [insertion.text]}
}

/** A fix only where one is certain: `expected` when the replacement is known, nothing when it is not. */
export function replaceWith(text: string | undefined): {expected?: string[]} {
  return text === undefined ? {} : {expected: [text]}
}

export interface RuleContext<Options, MessageId extends string = string> {
  model: PostmortemModel
  /** The syntax tree, for rules whose model reads nodes (links, images, front matter). */
  tree: Root
  file: VFile
  options: Options
  /** The processor's `settings.postmortem`, shared by every rule. */
  settings: SharedSettings
  /** The team's template (`template`, the rule's option or the shared setting), for a rule that reads one. */
  template?: Template
  report(report: Report<MessageId>): void
}

/** `settings.postmortem` besides the synonyms: what holds for every rule of a processor. */
export interface SharedSettings {
  /** Every file is a postmortem (`--require-postmortem`): one that does not look like one is checked as one. */
  requirePostmortem: boolean
  /** `template`: the path of the team's template, or a built-in template's name (docs/templates.md). */
  template?: string
}

export type BaseOptions = {synonyms?: SynonymOption; template?: string}

export type PostmortemRule = Plugin<[unknown?], Root> & {meta: RuleMeta}

const SYNONYMS_SCHEMA: Schema = {
  type: 'object',
  properties: Object.fromEntries(
    SECTION_KINDS.map((kind) => [kind, {type: 'array', items: {type: 'string'}} satisfies Schema])
  )
}

const SEVERITIES = new Set<unknown>([0, 1, 2, true, false, 'off', 'on', 'warn', 'error'])

// Points are computed once per file, however many rules report on it.
const locators = memoPerObject<VFile, ReturnType<typeof location>>()
function locate(file: VFile): ReturnType<typeof location> {
  return locators(file, 'locator', () => location(markdownText(file)))
}

function isSpan(place: Span | Place): place is Span {
  return 'text' in place
}

/** A place as the points vfile messages take, or nothing where the file has no such offset. */
function positionOf(file: VFile, place: Span | Place): {position: Point | {start: Point; end: Point}; endOffset: number | undefined} | undefined {
  const locator = locate(file)
  const endOffset = isSpan(place) ? place.start + place.text.length : place.end
  const start = locator.toPoint(place.start)
  if (!start) return undefined
  const end = endOffset === undefined ? undefined : locator.toPoint(endOffset)
  return {position: end ? {start, end} : start, endOffset}
}

/** A declared message with its `{name}`s filled in; a name without a value is a bug of the rule. */
export function formatMessage(messages: Readonly<Record<string, string>>, messageId: string, data: MessageData = {}): string {
  const template = messages[messageId]
  if (template === undefined) throw new Error(`No message \`${messageId}\``)
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = data[name]
    if (value === undefined) throw new Error(`Message \`${messageId}\` needs a value for \`${name}\``)
    return String(value)
  })
}

export interface RuleDefinition<Options extends object, MessageId extends string> {
  name: string
  description: string
  fixable?: boolean
  preset: PresetName
  /** Options besides `synonyms`, which every rule takes. */
  options?: Record<string, Schema>
  defaults: Required<Omit<Options, 'synonyms' | 'template'>>
  /** Whether the rule reads the team's template: it then takes a `template` option, and the shared setting. */
  readsTemplate?: boolean
  /**
   * Whether the rule runs on a document that does not look like a postmortem
   * (`PostmortemModel.looksLikePostmortem`): only the rule that says so does.
   */
  judgesAnyDocument?: boolean
  /** Every message the rule gives, by id, as typescript-eslint rules declare them: `{name}` stands for a value of the report's data. */
  messages: Readonly<Record<MessageId, string>>
  check(context: RuleContext<Required<Omit<Options, 'synonyms' | 'template'>> & BaseOptions, MessageId>): void
}

const SETTINGS_SCHEMA: Schema = {type: 'object', properties: {synonyms: SYNONYMS_SCHEMA, requirePostmortem: {type: 'boolean'}, template: {type: 'string'}}}

interface PostmortemSettings {
  synonyms: SynonymOption
  shared: SharedSettings
}

/**
 * `settings.postmortem` in `.remarkrc` (or `--setting` on the command line),
 * given once for the whole preset instead of to each rule: the synonyms every
 * rule shares, and whether every file is a postmortem
 * (`postmortem-lint --require-postmortem`).
 */
function postmortemSettings(processor: unknown): PostmortemSettings {
  const data = (processor as {data?: (key: string) => unknown} | undefined)?.data
  const settings = typeof data === 'function' ? (data.call(processor, 'settings') as {postmortem?: unknown} | undefined) : undefined
  const given = settings?.postmortem
  if (given === undefined) return {synonyms: {}, shared: {requirePostmortem: false}}
  const problem = findProblem(SETTINGS_SCHEMA, given, '')
  if (problem) {
    const [path, expected, actual] = problem
    throw new ConfigurationError(`settings: invalid \`postmortem${path === '' ? '' : `.${path}`}\`: expected ${expected}, got ${actual}`, 'settings')
  }
  const {synonyms, requirePostmortem, template} = given as {synonyms?: SynonymOption; requirePostmortem?: boolean; template?: string}
  return {synonyms: synonyms ?? {}, shared: {requirePostmortem: requirePostmortem === true, ...(template ? {template} : {})}}
}

/** The shared synonyms and a rule's own, kind by kind. */
function mergeSynonyms(shared: SynonymOption, own: SynonymOption | undefined): SynonymOption {
  if (!own || Object.keys(own).length === 0) return shared
  const merged: Record<string, readonly string[]> = {...shared}
  for (const [kind, titles] of Object.entries(own)) merged[kind] = [...(merged[kind] ?? []), ...(titles ?? [])]
  return merged as SynonymOption
}

/**
 * Turns `[severity, options]` or bare options into the options. A number
 * first is a severity, as remark-lint reads it: one it does not know is a
 * mistake said here in one line, not in remark-lint's error and stack.
 */
function optionsOf(meta: RuleMeta, config: unknown): unknown {
  if (!Array.isArray(config)) return config
  if (SEVERITIES.has(config[0])) return config[1]
  if (typeof config[0] === 'number') {
    throw new ConfigurationError(`${meta.id}: invalid severity ${config[0]}: expected 0, 1, 2, "off", "warn" or "error"`, `rules/${meta.name}`, meta.url)
  }
  return config
}

type ResolvedOptions<Options extends object> = Required<Omit<Options, 'synonyms' | 'template'>> & BaseOptions

function metaOf<Options extends object, MessageId extends string>(definition: RuleDefinition<Options, MessageId>): RuleMeta {
  const id = `postmortem-${definition.name}`
  return {
    id,
    name: definition.name,
    origin: `remark-lint:${id}`,
    description: definition.description,
    url: `${DOCS_URL}${definition.name}.md`,
    fixable: definition.fixable ?? false,
    preset: definition.preset,
    schema: {type: 'object', properties: {...definition.options, ...(definition.readsTemplate ? {template: {type: 'string'} satisfies Schema} : {}), synonyms: SYNONYMS_SCHEMA}},
    messages: definition.messages
  }
}

/** Checks a rule's options against its schema and fills in its defaults. */
function optionsValidator<Options extends object>(meta: RuleMeta, defaults: Required<Omit<Options, 'synonyms' | 'template'>>): (value: unknown) => ResolvedOptions<Options> {
  return (value) => {
    if (value === undefined || value === null || typeof value === 'boolean') return {...defaults}
    const problem = findProblem(meta.schema, value, '')
    if (problem) {
      const [path, expected, actual] = problem
      const subject = path === '' ? 'options' : `option \`${path}\``
      throw new ConfigurationError(`${meta.id}: invalid ${subject}: expected ${expected}, got ${actual}`, `rules/${meta.name}`, meta.url)
    }
    return {...defaults, ...(value as object)}
  }
}

/** A rule's `report` for one file: a message with its place, related cause, and the fix when one is known. */
function reporter<MessageId extends string>(meta: RuleMeta, messages: Readonly<Record<MessageId, string>>, file: VFile, model: PostmortemModel): RuleContext<unknown, MessageId>['report'] {
  return ({messageId, data, place, expected, note, cause}) => {
    const located = positionOf(file, place)
    if (!located) return
    const related = cause && positionOf(file, cause.place)
    const message = file.message(formatMessage(messages, messageId, data), {
      place: located.position,
      ruleId: meta.id,
      source: 'remark-lint',
      ...(cause && related ? {cause: new VFileMessage(formatMessage(messages, cause.messageId, cause.data), {place: related.position, ruleId: meta.id, source: 'remark-lint'})} : {})
    })
    if (expected) {
      message.expected = expected
      message.actual = located.endOffset === undefined ? '' : model.source.slice(place.start, located.endOffset)
    }
    if (note) message.note = note
  }
}

/** How a mistake in the `template` a rule reads is said: of its own option, else of the shared setting. */
function templateSubject(meta: RuleMeta, own: string | undefined): string {
  return own === undefined ? 'settings: invalid `postmortem.template`' : `${meta.id}: invalid option \`template\``
}

/** The template a rule reads: its own `template` option, else the shared setting; a path is relative to the working directory. */
function templateOf(meta: RuleMeta, own: string | undefined, shared: string | undefined, cwd: string, synonyms: SynonymOption): Template | undefined {
  const option = own ?? shared
  return option === undefined ? undefined : loadTemplate(option, cwd, templateSubject(meta, own), synonyms)
}

/** A misspelt built-in name, a file that is not Markdown, or an absolute path to no file: said once, when the rule is attached. */
function checkTemplateOption(meta: RuleMeta, own: string | undefined, shared: string | undefined): void {
  const option = own ?? shared
  if (option !== undefined) resolveTemplate(option, path.isAbsolute(option) ? path.dirname(option) : undefined, templateSubject(meta, own))
}

/**
 * Defines a rule: a remark-lint plugin with origin `remark-lint:postmortem-<name>`,
 * so that `<!--lint disable postmortem-<name>-->` applies to it, whose options
 * are checked before it runs, and whose messages carry a place, a docs URL and,
 * where a fix is known, `expected`.
 */
export function defineRule<Options extends object, MessageId extends string = string>(definition: RuleDefinition<Options, MessageId>): PostmortemRule {
  const meta = metaOf(definition)
  const validate = optionsValidator<Options>(meta, definition.defaults)

  // One lint rule per processor: the synonyms of its settings are the processor's.
  const runWith = (shared: SynonymOption, settings: SharedSettings) => lintRule({origin: meta.origin, url: meta.url}, (tree: Root, file: VFile, options: unknown) => {
    const resolved = validate(options)
    if (isSetAside(file)) return
    const synonyms = mergeSynonyms(shared, resolved.synonyms)
    const model = getModel(tree, file, synonyms)
    const template = definition.readsTemplate ? templateOf(meta, resolved.template, settings.template, file.cwd, synonyms) : undefined
    // A README or a guide is no postmortem: one rule says so, once, and the
    // others, which judge a postmortem's content, say nothing of it.
    if (!model.looksLikePostmortem && !settings.requirePostmortem && !definition.judgesAnyDocument) return
    definition.check({model, tree, file, options: resolved, settings, ...(template ? {template} : {}), report: reporter(meta, definition.messages, file, model)})
  })

  function attacher(this: unknown, config?: unknown, fileSet?: unknown) {
    try {
      // Checked when the plugin is attached, so a bad option fails once, clearly,
      // instead of once per file.
      const options = validate(optionsOf(meta, config))
      const {synonyms, shared} = postmortemSettings(this)
      // A relative path is read against each file's working directory, which is known only then.
      if (definition.readsTemplate) checkTemplateOption(meta, options.template, shared.template)
      const run = runWith(synonyms, shared)
      return (run as unknown as (this: unknown, config?: unknown) => unknown).call(this, config)
    } catch (error) {
      // Through unified-engine, reported by each file in one line (config-file.ts).
      if (error instanceof ConfigurationError && attachedByEngine(fileSet)) return failEachFile(error)
      throw error
    }
  }
  Object.defineProperty(attacher, 'name', {value: meta.origin})
  return Object.assign(attacher as unknown as Plugin<[unknown?], Root>, {meta})
}
