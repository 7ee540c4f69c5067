// Case-insensitive patterns rewritten without the i flag. V8 compiles a long case-insensitive
// alternation to machine code very slowly (chrono's "<duration> ago" pattern takes a fifth of a
// second, paid by every process on the second sentence that reaches it); the same pattern with
// each letter spelled as a class ("[aA][gG][oO]") compiles several times faster. Without the u
// flag, i pairs an ASCII letter with its other case and nothing else, so the rewrite matches
// exactly the same strings.

/** The `i` pattern spelled with letter classes and without the flag, or null when it cannot be. */
export function caselessSource(source: string): string | null {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      // Escapes that hold letters or refer back (\u00a0, \x41, \cJ, \p{L}, \k<name>, \1) would
      // need a real parser: leave such patterns as they are.
      if (/[uxcpPk1-9]/.test(next)) return null;
      out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (isLetter(c)) return null;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    // A named group's name is letters that must stay as they are.
    if (c === '(' && source.startsWith('?<', i + 1) && isLetter(source[i + 3] ?? '')) return null;
    out += isLetter(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  return out;
}

/** `re` itself when it is not case-insensitive (or uses u or v); else its caseless equivalent. */
export function caseless(re: RegExp): RegExp {
  if (!re.flags.includes('i') || /[uv]/.test(re.flags)) return re;
  const source = caselessSource(re.source);
  return source === null ? re : new RegExp(source, re.flags.replace('i', ''));
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
