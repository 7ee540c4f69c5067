// The article reader: the cleaned text with mentions, times, events, quotes and flags marked in place.
import { get } from './api.js';
import { h, replace } from './dom.js';
import { reviewForm } from './review.js';

const KINDS = [
  { key: 'mention', label: 'Mentions' },
  { key: 'time', label: 'Times' },
  { key: 'event', label: 'Events' },
  { key: 'quote', label: 'Quotes' },
  { key: 'flag', label: 'Flags' },
];

/** Every marked span of the record: { start, end, kind, index, title }. */
export function annotations(record) {
  const out = [];
  record.mentions.forEach((m, i) => out.push({ start: m.start, end: m.end, kind: 'mention', index: i, title: `${m.type}: ${m.name}${m.country ? ` (${m.country})` : ''}${m.role ? `, ${m.role}` : ''} — ${m.via}` }));
  record.times.forEach((t, i) => out.push({ start: t.start, end: t.end, kind: 'time', index: i, title: `time: ${t.value ?? 'unresolved'} (${t.via})` }));
  record.quotes.forEach((q, i) => out.push({ start: q.start, end: q.end, kind: 'quote', index: i, title: `${q.kind} quote${q.speaker ? ` by ${q.speaker}` : ''}` }));
  record.flags.forEach((f, i) => out.push({ start: f.start, end: f.end, kind: 'flag', index: i, title: `${f.kind}: ${f.message} (expected ${f.expected})` }));
  record.events.forEach((e, i) => (e.spans?.length ? e.spans : [e]).forEach((s) => out.push({ start: s.start, end: s.end, kind: 'event', index: i, title: `event ${e.cameo}: ${e.source.name} → ${e.target?.name ?? '—'}` })));
  return out.filter((a) => a.end > a.start && a.start >= 0 && a.end <= record.text.length);
}

/** The text cut at every annotation boundary: [{ start, end, covering: [annotation] }]. */
export function segments(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({ start, end, covering: marks.filter((m) => m.start < end && m.end > start) });
  }
  return out;
}

function markedText(record, onEvent) {
  return h('div', { class: 'article-text', id: 'article-text' }, segments(record.text, annotations(record)).map((seg) => {
    const text = record.text.slice(seg.start, seg.end);
    if (!seg.covering.length) return text;
    const kinds = [...new Set(seg.covering.map((m) => m.kind))];
    const events = seg.covering.filter((m) => m.kind === 'event').map((m) => m.index);
    const span = h('span', { class: kinds.map((k) => `mk-${k}`).join(' '), title: seg.covering.map((m) => m.title).join('\n'), dataset: events.length ? { events: events.join(' ') } : {} }, text);
    if (events.length) span.addEventListener('click', () => onEvent(events[0]));
    return span;
  }));
}

const dash = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
const actor = (a) => (a ? `${a.name}${a.country ? ` (${a.country})` : ''}${a.actor ? ` [${a.actor}]` : ''}${a.sector ? `, ${a.sector}` : ''}` : '—');

function explanation(e) {
  if (!e.explain) return h('p', { class: 'note' }, 'How it was coded was not recorded for this article (stored without explanations).');
  const x = e.explain;
  return h('dl', { class: 'explain' },
    h('dt', {}, 'Pattern'), h('dd', {}, h('code', {}, x.pattern)), h('dt', {}, 'Trigger'), h('dd', {}, x.trigger),
    h('dt', {}, 'Source role'), h('dd', {}, x.sourceRole), h('dt', {}, 'Target role'), h('dd', {}, x.targetRole),
    h('dt', {}, 'Date from'), h('dd', {}, x.dateFrom), x.notes?.length ? [h('dt', {}, 'Notes'), h('dd', {}, h('ul', {}, x.notes.map((n) => h('li', {}, n))))] : null);
}

function eventDetail(record, index, review, onSaved) {
  const e = record.events[index];
  return h('div', { class: 'event-detail', id: 'event-detail', dataset: { event: index } },
    h('h3', {}, `Event ${index + 1}: ${e.cameo} — ${actor(e.source)} → ${actor(e.target)}`),
    h('blockquote', { class: 'evidence', id: 'evidence' }, e.evidence),
    h('dl', {},
      h('dt', {}, 'CAMEO'), h('dd', {}, `${e.cameo} (root ${e.root})`), h('dt', {}, 'PLOVER'), h('dd', {}, e.plover),
      h('dt', {}, 'Quad class'), h('dd', {}, String(e.quad)), h('dt', {}, 'Goldstein'), h('dd', {}, String(e.goldstein)),
      h('dt', {}, 'Source'), h('dd', {}, actor(e.source)), h('dt', {}, 'Target'), h('dd', {}, actor(e.target)),
      h('dt', {}, 'Date'), h('dd', {}, `${dash(e.date)}${e.datePrecision ? ` (${e.datePrecision})` : ''}`),
      h('dt', {}, 'Location'), h('dd', {}, e.location ? `${e.location.name}${e.location.country ? ` (${e.location.country})` : ''}` : '—'),
      h('dt', {}, 'Modality'), h('dd', { id: 'modality' }, e.modality),
      h('dt', {}, 'Attribution'), h('dd', {}, e.attribution ? `${e.attribution.name}${e.attribution.via ? ` via ${e.attribution.via}` : ''}` : '—'),
      h('dt', {}, 'Confidence'), h('dd', {}, String(e.confidence))),
    h('h4', {}, 'How it was coded'), explanation(e),
    h('h4', {}, 'Review'), reviewForm(record, index, review, onSaved));
}

/** Renders the reader for one article; `?event=N` opens that event. */
export async function showArticle(view, id, params) {
  const record = await get(`articles/${encodeURIComponent(id)}`);
  const reviews = new Map(record.reviews.map((r) => [r.eventIndex, r]));
  const detail = h('aside', { class: 'detail' }, h('p', { class: 'note' }, 'Select an event (in the list or the text) to see its evidence.'));
  const select = (i) => {
    replace(detail, eventDetail(record, i, reviews.get(i) ?? null, (r) => {
      reviews.set(i, r);
      list.querySelector(`[data-event="${i}"]`)?.classList.add('reviewed');
    }));
    document.querySelectorAll('.mk-event.selected').forEach((el) => el.classList.remove('selected'));
    document.querySelectorAll('[data-events]').forEach((el) => el.dataset.events.split(' ').includes(String(i)) && el.classList.add('selected'));
    history.replaceState(null, '', `#/article/${encodeURIComponent(id)}?event=${i}`);
  };
  const list = h('ol', { class: 'event-list', id: 'event-list' }, record.events.map((e, i) => h('li', { dataset: { event: i }, class: reviews.has(i) ? 'reviewed' : null },
    h('button', { type: 'button', class: `quad-${e.quad}`, on: { click: () => select(i) } }, `${e.cameo} ${e.source.name} → ${e.target?.name ?? '—'} (${e.modality})`))));
  const a = record.article;
  const toggles = h('p', { class: 'legend' }, KINDS.map((k) => h('label', { class: `mk-${k.key}` },
    h('input', { type: 'checkbox', checked: true, on: { change: (ev) => view.classList.toggle(`hide-${k.key}`, !ev.target.checked) } }), ` ${k.label}`)));
  replace(view,
    h('article', { class: 'reader' },
      h('h2', { id: 'article-title' }, a.title ?? a.id),
      h('p', { class: 'meta' }, `${a.published ?? 'no date'} · ${a.url ?? a.source} · ${record.events.length} events, ${record.quotes.length} quotes, ${record.flags.length} flags`),
      toggles, markedText(record, select)),
    h('div', { class: 'side' }, h('h3', {}, 'Events'), list, detail));
  const wanted = Number(params.get('event'));
  if (params.has('event') && record.events[wanted]) select(wanted);
}
