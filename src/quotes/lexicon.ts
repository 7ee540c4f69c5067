// The verbs that introduce speech. A closed grammatical class, kept here as the default; callers
// may pass their own set through the stage options.

/** Lemmas of verbs that attribute a direct quotation to their subject. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'say', 'add', 'tell', 'state', 'announce', 'declare', 'note', 'stress', 'warn', 'insist', 'explain',
  'ask', 'reply', 'write', 'tweet', 'post', 'comment', 'remark', 'claim', 'argue', 'assert', 'affirm',
  'confirm', 'deny', 'respond', 'answer', 'conclude', 'emphasize', 'emphasise', 'acknowledge', 'admit',
  'urge', 'describe', 'call', 'accuse', 'suggest', 'predict', 'promise', 'pledge', 'vow', 'threaten',
  'complain', 'recall', 'believe', 'think', 'consider', 'testify', 'observe', 'mention', 'caution',
  'charge', 'allege', 'maintain', 'contend', 'reiterate', 'repeat', 'counter', 'retort', 'demand',
  'continue', 'blame', 'welcome', 'praise', 'criticise', 'criticize', 'condemn', 'appeal', 'plead',
  'propose', 'recommend', 'characterize', 'characterise', 'label', 'term', 'dub', 'shout', 'joke',
]);

/** Lemmas of verbs whose "that"-clause is a reported claim of their subject. */
export const INDIRECT_VERBS: ReadonlySet<string> = new Set([
  'say', 'tell', 'state', 'announce', 'declare', 'claim', 'warn', 'insist', 'explain', 'note', 'stress',
  'add', 'argue', 'assert', 'confirm', 'deny', 'believe', 'suggest', 'allege', 'acknowledge', 'admit',
  'predict', 'promise', 'mention', 'emphasize', 'emphasise', 'maintain', 'contend', 'reiterate', 'write',
]);

/** Lemmas of verbs by which a medium passes on what others said or what it learnt. */
export const REPORT_VERBS: ReadonlySet<string> = new Set(['report', 'quote', 'cite']);
