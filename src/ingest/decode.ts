// Turning the bytes of an input into text, refusing what is not text.
import { InputError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Decodes UTF-8 (or UTF-16 with a BOM) text; throws InputError for empty or binary input. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError('input-empty', `${name}: the input is empty; give a file with article text.`);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) {
      throw new InputError('input-binary', `${name}: this looks like a binary file, not text; give a text, HTML or JSON Lines file.`);
    }
    text = decoder.decode(bytes);
  }
  text = text.replace(/^\ufeff/, '');
  if (!text.trim()) throw new InputError('input-empty', `${name}: the input holds only whitespace; give a file with article text.`);
  return text;
}

/** True when a sample of the bytes holds NULs or too many control or undecodable bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) bad++;
  }
  if (bad / n > 0.05) return true;
  const sample = decoder.decode(bytes.subarray(0, n));
  let replaced = 0;
  for (const ch of sample) if (ch === '\ufffd') replaced++;
  return replaced / Math.max(1, sample.length) > 0.05;
}
