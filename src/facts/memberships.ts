// "Estonia, which joined NATO in 2014": accession years checked against the states' memberships.
import type { Doc, Flag, Mention } from '../model/types.js';
import type { Entity, KnowledgeBase } from '../actors/index.js';

const JOINED = /\b(?:joined|became (?:a )?members? of|acceded to|was admitted to|were admitted to|entered)\s+(?:the\s+)?([^.;]{2,90}?)\s+in\s+((?:18|19|20)\d\d)\b/g;

/** `fact` flags for accession years that contradict the knowledge base, where it knows every state named. */
export function flagMemberships(doc: Doc, kb: KnowledgeBase): Flag[] {
  const flags: Flag[] = [];
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    JOINED.lastIndex = 0;
    for (let m = JOINED.exec(text); m; m = JOINED.exec(text)) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      const bodyStart = start + m[0].indexOf(m[1]);
      const body = bodyIn(doc, kb, bodyStart, bodyStart + m[1].length);
      if (!body) continue;
      const states = statesBefore(doc, kb, s.start, start);
      const flag = checkClaim(kb, states, body, m[2], { start, end, text: m[0] });
      if (flag) flags.push(flag);
    }
  }
  return flags;
}

/** The body code (NATO, EU, ...) of an organisation mention inside the span. */
function bodyIn(doc: Doc, kb: KnowledgeBase, start: number, end: number): string | null {
  for (const m of doc.mentions) {
    if (m.start < start || m.end > end || !m.actor || !m.country) continue;
    const e = kb.entities.get(m.actor);
    if (e && e.kind === 'org' && kb.byCode.get(m.country) === e.id) return m.country;
  }
  return null;
}

const GLUE = /^[\s,]*(?:(?:and|or|which|who|that|both|all|also|have|has|had|as well as|then)[\s,]+)*$/i;

/** The states named right before the claim ("Latvia, Estonia and Lithuania, which joined ..."). */
function statesBefore(doc: Doc, kb: KnowledgeBase, from: number, to: number): Entity[] {
  const out: Entity[] = [];
  const add = (code: string): void => {
    const e = kb.entities.get(kb.byCode.get(code) ?? '');
    if (e && e.kind === 'state' && !out.includes(e)) out.unshift(e);
  };
  const inRange = doc.mentions.filter((m: Mention) => m.start >= from && m.end <= to);
  let edge = to;
  for (let i = inRange.length - 1; i >= 0; i--) {
    const m = inRange[i];
    if (!GLUE.test(doc.text.slice(m.end, edge) + ' ')) break;
    if (m.members) [...m.members].reverse().forEach(add);
    else if (m.country && m.type === 'GPE' && m.via !== 'demonym') add(m.country);
    else break;
    edge = m.start;
  }
  return out;
}

function checkClaim(kb: KnowledgeBase, states: Entity[], body: string, year: string, span: { start: number; end: number; text: string }): Flag | null {
  if (states.length === 0) return null;
  const dates: string[] = [];
  for (const st of states) {
    const ms = (st.memberships ?? []).filter((x) => x.body === body && x.start);
    if (ms.length === 0) return null;
    if (ms.some((x) => (x.start as string).startsWith(year))) return null;
    dates.push(ms[0].start as string);
  }
  const years = [...new Set(dates.map((d) => d.slice(0, 4)))];
  const names = states.map((st) => st.name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  const when = [...new Set(dates)].join(', ');
  return {
    kind: 'fact', ...span, expected: years.join(', '),
    message: `${list} joined ${body} on ${when}, not in ${year}`,
  };
}
