import { describe, expect, it } from 'vitest';
import { lineColumn, scanJson } from './json-where.js';

describe('scanJson', () => {
  it('finds nothing wrong in valid JSON, whatever it holds', () => {
    for (const t of ['{}', '[]', '"a\\u00e9\\n"', '-1.5e3', '{"a": [1, {"b": [true, false, null]}], "c": "x"}', '  {"a":1}\n']) {
      expect(scanJson(t).error).toBeNull();
      expect(() => JSON.parse(t)).not.toThrow();
    }
  });

  it('points at the first thing JSON.parse would refuse', () => {
    const cases: [string, number][] = [['{ nope', 2], ['{"a": 1,}', 8], ['[1 2]', 3], ['{"a": tru}', 6], ['{"a": "x\ty"}', 8], ['{"a": 1} x', 9], ['{"a": 01}', 7], ['', 0]];
    for (const [t, at] of cases) {
      expect(() => JSON.parse(t)).toThrow();
      expect(scanJson(t).error, t).toBe(at);
    }
  });

  it('records where each element of a top-level list starts, not those of nested lists', () => {
    const text = '{\n  "entities": [\n    {"id": "a", "x": [1, 2]},\n    {"id": "b"}\n  ],\n  "n": 3\n}';
    const where = scanJson(text);
    expect(where.lists.get('entities')?.map((o) => lineColumn(text, o))).toEqual([{ line: 3, column: 5 }, { line: 4, column: 5 }]);
    expect(where.lists.has('x')).toBe(false);
  });
});
