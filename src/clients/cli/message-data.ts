/**
 * A message as plain data and back, for the two places a message leaves the
 * run it was made in: a lint thread sends it to the main one (parallel.ts),
 * and the cache keeps it for a later run (lint-cache.ts). Read back, it
 * prints the same in every reporter.
 */
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

export type Fields = Record<string, unknown>

// JSON has no undefined, and an information's `fatal` is undefined where a warning's is false.
const INFO_FIELD = '$info'
// Fields a message gets from the file it is made for (addMessage), and the nodes it is about.
const OWN_FIELDS = new Set(['file', 'name', 'ancestors'])

interface PlainError {
  name: string
  message: string
  stack?: string
  cause?: unknown
}

function isMessageLike(value: unknown): value is VFileMessage {
  return value !== null && typeof value === 'object' && 'reason' in value && 'file' in value && 'fatal' in value
}

// An Error's cause chain, which reporters print, as plain objects.
function plainError(error: Error): PlainError {
  const plain: PlainError = {name: error.name, message: error.message}
  if (error.stack !== undefined) plain.stack = error.stack
  if (error.cause !== undefined) plain.cause = causeToData(error.cause, true)
  return plain
}

function causeToData(cause: unknown, keepAncestors: boolean): unknown {
  // A message as cause (a related place) stays a message, which reporters print with its place.
  if (isMessageLike(cause)) {
    const message = messageToFields(cause, keepAncestors)
    return message && {message}
  }
  if (cause instanceof Error) return {error: plainError(cause)}
  return {value: cause === null || typeof cause !== 'object' ? cause : String(cause)}
}

/**
 * A message as plain data: without the file's path, which it gets again
 * from the file it is added to. Undefined when it holds syntax tree nodes
 * (`ancestors`, which the JSON reporter prints) and `keepAncestors` is false.
 */
export function messageToFields(message: VFileMessage, keepAncestors: boolean): Fields | undefined {
  if (!keepAncestors && message.ancestors && message.ancestors.length > 0) return undefined
  const fields: Fields = message.fatal === undefined ? {[INFO_FIELD]: true} : {}
  for (const [key, value] of Object.entries(message)) {
    if (typeof value === 'function' || value === undefined) continue
    if (key === 'cause') {
      const cause = causeToData(value, keepAncestors)
      if (cause === undefined) return undefined
      fields.cause = cause
    } else if (!OWN_FIELDS.has(key) || (key === 'ancestors' && keepAncestors)) fields[key] = value
  }
  return fields
}

function causeFromData(data: unknown): unknown {
  const cause = data as {message?: Fields; error?: PlainError; value?: unknown}
  if (cause.message) return newMessage(cause.message)
  if (cause.error) return errorFromData(cause.error)
  return cause.value
}

function errorFromData(plain: PlainError): Error {
  const error = new Error(plain.message, plain.cause === undefined ? undefined : {cause: causeFromData(plain.cause)})
  error.name = plain.name
  error.stack = plain.stack
  return error
}

function revived(fields: Fields): Fields {
  const {[INFO_FIELD]: info, ...rest} = fields
  if (info === true) rest.fatal = undefined
  if ('cause' in rest) rest.cause = causeFromData(rest.cause)
  return rest
}

function placeOf(fields: Fields): {place: VFileMessage['place']} | undefined {
  const place = fields.place as VFileMessage['place']
  return place ? {place} : undefined
}

function newMessage(fields: Fields): VFileMessage {
  return Object.assign(new VFileMessage(String(fields.reason), placeOf(fields)), revived(fields))
}

/** Adds the message that `fields` describe to `file`, as its rule made it. */
export function addMessage(file: VFile, fields: Fields): void {
  Object.assign(file.message(String(fields.reason), placeOf(fields)), revived(fields))
}
