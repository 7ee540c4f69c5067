import { describe, expect, it } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { datelineDate, resolveTimes } from './index.js';

// 2023-03-16 is a Thursday.
const PUBLISHED = '2023-03-16';

function timesOf(text: string, published: string | null = PUBLISHED) {
  return resolveTimes(makeDoc(text, { published })).times;
}

function valueAt(text: string, phrase: string, published: string | null = PUBLISHED): string | null | undefined {
  const at = text.indexOf(phrase);
  return timesOf(text, published).find((t) => t.start < at + phrase.length && at < t.end)?.value;
}

describe('resolveTimes: deictic words', () => {
  it('resolves today, this morning, yesterday and tomorrow against the publication date', () => {
    const text = 'The council met this morning. It voted today. The mayor spoke yesterday. A ruling comes tomorrow.';
    expect(valueAt(text, 'this morning')).toBe('2023-03-16');
    expect(valueAt(text, 'today')).toBe('2023-03-16');
    expect(valueAt(text, 'yesterday')).toBe('2023-03-15');
    expect(valueAt(text, 'tomorrow')).toBe('2023-03-17');
  });

  it('reads deictic words in any case, as in headlines set in capitals', () => {
    expect(valueAt('The mayor spoke YESTERDAY.', 'YESTERDAY')).toBe('2023-03-15');
    expect(valueAt('A Ruling Comes Tomorrow.', 'Tomorrow')).toBe('2023-03-17');
  });

  it('gives the expression inside "Also yesterday" the day before publication', () => {
    expect(valueAt('Also yesterday, the harbour reopened.', 'Also yesterday')).toBe('2023-03-15');
  });

  it('gives last week and next week week precision, valued by their Monday', () => {
    const times = timesOf('The strike began last week. Talks resume next week.');
    expect(times.map((t) => [t.value, t.precision])).toEqual([
      ['2023-03-06', 'week'],
      ['2023-03-20', 'week'],
    ]);
  });

  it('keeps "a few days ago" and "in the near future" without a value', () => {
    const text = 'The envoys met a few days ago and will meet again in the near future.';
    const times = timesOf(text);
    expect(times.map((t) => t.text)).toEqual(['a few days ago', 'in the near future']);
    expect(times.every((t) => t.value === null)).toBe(true);
  });
});

describe('resolveTimes: weekdays by tense', () => {
  it('reads a bare weekday in a past clause as the last such day on or before publication', () => {
    expect(valueAt('The minister resigned on Monday.', 'on Monday')).toBe('2023-03-13');
    expect(valueAt('Officials said on Thursday that the port was closed.', 'on Thursday')).toBe('2023-03-16');
  });

  it('ignores an infinitive after the weekday: "met in Oslo on Monday to discuss" is past', () => {
    expect(valueAt('The ministers met in Oslo on Monday to discuss the crisis.', 'on Monday')).toBe('2023-03-13');
  });

  it('reads the tense of "met ... on Monday and agreed to meet" from "agreed", not from the infinitive', () => {
    expect(valueAt('The ministers met in Oslo on Monday and agreed to meet again next month.', 'on Monday')).toBe('2023-03-13');
  });

  it('reads a bare weekday in a future clause as the next such day', () => {
    expect(valueAt('The two leaders will meet on Monday in Oslo.', 'on Monday')).toBe('2023-03-20');
    expect(valueAt('The committee is to vote on Tuesday.', 'on Tuesday')).toBe('2023-03-21');
  });

  it('honours "next" and "last" before the weekday', () => {
    expect(valueAt('Voting opens next Saturday.', 'next Saturday')).toBe('2023-03-18');
    expect(valueAt('The ferry sank last Saturday.', 'last Saturday')).toBe('2023-03-11');
  });
});

describe('resolveTimes: calendar dates', () => {
  it('gives bare years year precision', () => {
    const times = timesOf('The state joined the alliance in 2004 and has grown since 1999.');
    expect(times.map((t) => [t.value, t.precision])).toEqual([
      ['2004', 'year'],
      ['1999', 'year'],
    ]);
  });

  it('does not read a count of things as a year', () => {
    expect(timesOf('Police said 2000 protesters gathered.').length).toBe(0);
  });

  it('gives month-year month precision and full dates day precision', () => {
    const text = 'The treaty was signed in January 2019, ratified on 4 February 2020 and amended on March 9, 2021.';
    expect(valueAt(text, 'January 2019')).toBe('2019-01');
    expect(valueAt(text, '4 February 2020')).toBe('2020-02-04');
    expect(valueAt(text, 'March 9, 2021')).toBe('2021-03-09');
    expect(valueAt('Filed 2021-06-30 in court.', '2021-06-30')).toBe('2021-06-30');
  });

  it('puts a yearless date in the publication year, or the year before when past and far ahead', () => {
    expect(valueAt('The vote is to be held on November 20.', 'November 20')).toBe('2023-11-20');
    expect(valueAt('The dam burst on December 28.', 'December 28', '2023-01-05')).toBe('2022-12-28');
  });

  it('splits a date range into its two ends', () => {
    const text = 'The exhibition runs from June 3 to July 9.';
    expect(valueAt(text, 'June 3')).toBe('2023-06-03');
    expect(valueAt(text, 'July 9')).toBe('2023-07-09');
  });

  it('counts years back for "Twelve years ago" and "a decade ago"', () => {
    expect(valueAt('Twelve years ago, the bridge fell.', 'Twelve years ago')).toBe('2011');
    expect(valueAt('The plant closed a decade ago.', 'a decade ago')).toBe('2013');
  });

  it('values "the end of the year" as its last day', () => {
    expect(valueAt('The law takes effect at the end of the year.', 'end of the year')).toBe('2023-12-31');
  });

  it('drops a clock time without a day and a lowercase "march"', () => {
    expect(timesOf('Crowds joined a march at 5 pm.').length).toBe(0);
  });
});

describe('resolveTimes: anchored phrases', () => {
  it('dates the anchor event from the subject date earlier in the sentence', () => {
    const text = "Today's vote comes a day after the summit in Rome and two days before the deadline.";
    expect(valueAt(text, 'a day after')).toBe('2023-03-15');
    expect(valueAt(text, 'two days before')).toBe('2023-03-18');
  });

  it('falls back to the publication date when nothing dates the subject', () => {
    const time = timesOf('The envoy flew to Riga a week before the minister’s trip.')[0];
    expect([time.value, time.via]).toEqual(['2023-03-09', 'anchor-default']);
  });
});

describe('resolveTimes: without a publication date', () => {
  it('keeps absolute dates and leaves relative ones unvalued', () => {
    const times = timesOf('On May 2, 2018 the court ruled; yesterday it met again.', null);
    expect(times.map((t) => [t.text, t.value, t.via])).toEqual([
      ['May 2, 2018', '2018-05-02', 'chrono'],
      ['yesterday', null, 'relative'],
    ]);
  });
});

describe('resolveTimes: bookkeeping', () => {
  it('records the sentence of each time and spans that point at its text', () => {
    const text = 'Nothing happened. The talks ended on 3 May 2022.';
    const doc = resolveTimes(makeDoc(text, { published: PUBLISHED }));
    expect(doc.times).toHaveLength(1);
    expect(doc.times[0].sentence).toBe(1);
    expect(text.slice(doc.times[0].start, doc.times[0].end)).toBe(doc.times[0].text);
  });
});

describe('datelineDate', () => {
  it('reads a weekday dateline and a bare one', () => {
    expect(datelineDate('Friday, March 3, 2023\n\nThe storm hit.')).toBe('2023-03-03');
    expect(datelineDate('March 3, 2023 — The storm hit.')).toBe('2023-03-03');
    expect(datelineDate('3 March 2023\nThe storm hit.')).toBe('2023-03-03');
  });

  it('returns null when the text does not open with a date', () => {
    expect(datelineDate('The storm hit on March 3, 2023.')).toBeNull();
    expect(datelineDate('February 30, 2023')).toBeNull();
  });
});
