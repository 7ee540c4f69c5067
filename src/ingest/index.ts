// The ingest stage: the only one that reads the outside world.
export { readInputs, type InputItem, type ReadOptions } from './inputs.js';
export { fromText, titleOf, contentId } from './text.js';
export { fromHtml, looksLikeHtml } from './html.js';
export { parseJsonl } from './jsonl.js';
export { checkDate } from './date.js';
export { decodeText } from './decode.js';
