import {defineRule} from '../src/lint/rule.js'
import {isBefore, stampText} from '../src/model/timeline/timeline.js'

export type Options = Record<string, never>

/** Reports a timeline entry earlier than the entry before it. */
export default defineRule<Options>({
  name: 'timeline-order',
  description: 'Require timeline entries in chronological order; a plausible midnight rollover is fine',
  preset: 'recommended',
  defaults: {},
  messages: {
    outOfOrder: 'Unexpected timeline entry at {entry} after the entry at {previous}, expected chronological order',
    laterEntry: 'Entry at {previous}, later than the entry at {entry} below it'
  },
  check({model, report}) {
    const timed = model.timeline.timed
    timed.forEach((entry, index) => {
      const previous = timed[index - 1]
      if (!previous || previous.section !== entry.section || !entry.timestamp) return
      if (!isBefore(entry, previous)) return
      const data = {entry: stampText(entry), previous: stampText(previous)}
      report({messageId: 'outOfOrder', data, place: entry.timestamp, ...(previous.timestamp ? {cause: {messageId: 'laterEntry', data, place: previous.timestamp}} : {})})
    })
  }
})
