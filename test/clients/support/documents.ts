/**
 * Postmortems the client tests lint, written for these tests. Line numbers
 * matter: the tests assert the places the rules report.
 */
export interface PostmortemParts {
  /** Written after each clock time of the summary (` UTC`, or `` for none). */
  zone?: string
  /** The stated duration; the start and end are one hour apart. */
  duration?: string
  /** Whether the document ends with an action items section. */
  actionItems?: boolean
  /** Lines put before the title, such as lint comments. */
  preamble?: string[]
}

export function postmortem({zone = ' UTC', duration = '1 hour', actionItems = true, preamble = []}: PostmortemParts = {}): string {
  return [
    ...preamble,
    '# Checkout outage',
    '',
    '## Summary',
    '',
    'Card payments failed at checkout for 20% of requests.',
    '',
    `- **Start:** 14:00${zone}`,
    `- **End:** 15:00${zone}`,
    `- **Duration:** ${duration}`,
    '',
    '## Timeline',
    '',
    '- 14:00 Configuration push disabled the payment gateway client.',
    '- 14:40 The on-call engineer rolled the configuration back.',
    '- 15:00 Error rates returned to normal.',
    '',
    '## Root cause',
    '',
    'A configuration push removed the gateway credentials.',
    '',
    '## Resolution',
    '',
    'The previous configuration was restored.',
    ...(actionItems ? ['', '## Action items', '', '- Validate gateway settings before a push.'] : []),
    ''
  ].join('\n')
}
