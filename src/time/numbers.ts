// Small English cardinal numbers as written in news text ("Seventeen years ago", "two days after").

const UNITS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** The regex source matching one number word, compound ("twenty-five") or digits. */
export const NUMBER_SOURCE =
  `(?:\\d{1,3}|(?:${Object.keys(TENS).join('|')})(?:[-\\s](?:${Object.keys(UNITS).join('|')}))?|${Object.keys(UNITS).join('|')})`;

/** The value of a number written in digits or words; null when it is not one. */
export function numberValue(word: string): number | null {
  const w = word.toLowerCase().replace(/[[\]]/g, '').trim();
  if (/^\d+$/.test(w)) return Number(w);
  if (w in UNITS) return UNITS[w];
  const [tens, unit] = w.split(/[-\s]/);
  if (tens in TENS) return TENS[tens] + (unit && unit in UNITS ? UNITS[unit] : 0);
  return null;
}
