// Where things are in a JSON data file, for error messages that name a line: the offset of a
// syntax error, and where each element of each top-level list starts.

/** What a scan of a JSON text found: the first syntax error (an offset) and the top-level lists' elements. */
export interface JsonWhere {
  /** Offset of the first syntax error, or null when the text is valid JSON. */
  readonly error: number | null;
  /** Top-level key → offsets where the elements of its list start (only for list values). */
  readonly lists: ReadonlyMap<string, readonly number[]>;
}

/** The 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

class Stop extends Error {
  constructor(readonly at: number) {
    super('json');
  }
}

/** Scans a JSON text without building values: where it first goes wrong, and where list elements start. */
export function scanJson(text: string): JsonWhere {
  let i = 0;
  const lists = new Map<string, number[]>();
  const fail = (): never => {
    throw new Stop(Math.min(i, text.length));
  };
  const space = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const string = (): string => {
    if (text[i] !== '"') fail();
    const start = ++i;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    return text.slice(start, i++);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) fail();
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (depth: number, key: string | null): void => {
    space();
    const c = text[i];
    if (c === '{') object(depth);
    else if (c === '[') list(depth, key);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  const object = (depth: number): void => {
    i++;
    space();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      space();
      const key = string();
      space();
      if (text[i] !== ':') fail();
      i++;
      value(depth + 1, depth === 0 ? key : null);
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail();
    }
  };
  const list = (depth: number, key: string | null): void => {
    i++;
    const starts: number[] = [];
    if (key !== null) lists.set(key, starts);
    space();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      space();
      starts.push(i);
      value(depth + 1, null);
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail();
    }
  };
  try {
    value(0, null);
    space();
    if (i < text.length) fail();
    return { error: null, lists };
  } catch (err) {
    if (err instanceof Stop) return { error: err.at, lists };
    throw err;
  }
}
