import { describe, it, expect } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import type { Mention } from '../model/types.js';

const kb = loadKnowledgeBase();

function mentionsOf(text: string): Mention[] {
  return findMentions(makeDoc(text, { published: '2016-03-01' }), kb).mentions;
}

function names(text: string): string[] {
  return mentionsOf(text).map((m) => `${m.text}=${m.name}/${m.country ?? '-'}`);
}

describe('organisation phrases', () => {
  it('keeps a name with "of" and a state inside as one organisation of that state', () => {
    expect(names('She studied at the University of Northern Ohio last year.')).toContain('University of Northern Ohio=University of Northern Ohio/USA');
  });

  it('keeps "at" inside a university name and a hyphenated demonym inside a council name', () => {
    expect(names('A professor at the University of Kansas at Wichita spoke.')).toContain('University of Kansas at Wichita=University of Kansas at Wichita/USA');
    expect(names('The Council on American - Arab Friendship protested.')).toContain('Council on American - Arab Friendship=Council on American-Arab Friendship/USA');
  });

  it('keeps a city before a head noun as part of the organisation', () => {
    const ms = mentionsOf('Officers of the Dallas Fire Department arrived quickly.');
    expect(ms.map((m) => m.text)).toContain('Dallas Fire Department');
    expect(ms.some((m) => m.text === 'Dallas')).toBe(false);
  });

  it('keeps a demonym that opens an organisation name', () => {
    expect(names('The Canadian Centre for Study of Rivers published a report.')).toContain('Canadian Centre for Study of Rivers=Canadian Centre for Study of Rivers/CAN');
  });

  it('splits two organisations joined by "and" and drops a closing "of the <state>"', () => {
    const ms = names('Scientists from the Institute of Soil Science and Ohio State University of the US and the University of Leeds of the UK met.');
    expect(ms.some((m) => m.startsWith('Institute of Soil Science=Institute of Soil Science/'))).toBe(true);
    expect(ms).toContain('Ohio State University=Ohio State University/USA');
    expect(ms).toContain('University of Leeds=University of Leeds/GBR');
  });

  it('ends the phrase before a person named right after it', () => {
    const ms = names('A spokesman for the Union of Concerned Farmers Maria Lopez said prices fell. Lopez added more.');
    expect(ms.some((m) => m.startsWith('Union of Concerned Farmers='))).toBe(true);
    expect(ms.some((m) => m.startsWith('Maria Lopez='))).toBe(true);
  });

  it('makes "Team" before a state its own organisation', () => {
    expect(names('Team Latvia won the robotics prize.')).toContain('Team Latvia=Team Latvia/LVA');
  });

  it('does not join a month after "on" into the name', () => {
    const ms = mentionsOf('The Supreme Court of Appeals on Monday rejected the case.');
    expect(ms.map((m) => m.text)).toContain('Supreme Court of Appeals');
  });
});
