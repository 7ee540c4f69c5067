// The events table: the API's filters in a form, sortable columns, pages, each row linking to its evidence.
import { get } from './api.js';
import { h, replace } from './dom.js';

const FILTERS = [
  { name: 'actor', label: 'Actor', placeholder: 'RUS, Putin…' },
  { name: 'dyad', label: 'Dyad', placeholder: 'RUS-UKR' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
  { name: 'root', label: 'CAMEO root', placeholder: '13' },
  { name: 'quad', label: 'Quad', options: ['', '1', '2', '3', '4'] },
  { name: 'modality', label: 'Modality', options: ['', 'asserted', 'future', 'conditional', 'negated'] },
  { name: 'text', label: 'Text', placeholder: 'words in the evidence' },
];

const actorName = (a) => (a ? `${a.name}${a.country ? ` (${a.country})` : ''}` : '—');

const COLUMNS = [
  { key: 'day', label: 'Day', value: (e) => e.day ?? '' },
  { key: 'source', label: 'Source', value: (e) => actorName(e.source) },
  { key: 'cameo', label: 'CAMEO', value: (e) => e.cameo },
  { key: 'target', label: 'Target', value: (e) => actorName(e.target) },
  { key: 'quad', label: 'Quad', value: (e) => e.quad, num: true },
  { key: 'goldstein', label: 'Goldstein', value: (e) => e.goldstein, num: true },
  { key: 'modality', label: 'Modality', value: (e) => e.modality },
  { key: 'evidence', label: 'Evidence', value: (e) => e.evidence },
  { key: 'review', label: 'Review', value: (e) => (e.review ? e.review.verdict : '') },
];

/** The events filters as a form that sets `#<path>?filters` on submit (the events, network and map pages share it). */
export function filterForm(params, path = '/events', id = 'event-filters', extra = []) {
  const fields = FILTERS.map((f) => {
    const value = params.get(f.name) ?? '';
    const input = f.options
      ? h('select', { name: f.name }, f.options.map((o) => h('option', { value: o, selected: o === value }, o || 'any')))
      : h('input', { name: f.name, type: f.type ?? 'text', value, placeholder: f.placeholder });
    return h('label', {}, f.label, ' ', input);
  });
  const form = h('form', { class: 'filters', id }, fields, extra, h('button', { type: 'submit' }, 'Filter'), h('a', { href: `#${path}` }, 'Clear'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams([...new FormData(form)].filter(([, v]) => v !== ''));
    location.hash = `#${path}?${q}`;
  });
  return form;
}

function eventRow(e) {
  const link = `#/article/${encodeURIComponent(e.articleId)}?event=${e.index}`;
  return h('tr', { class: `quad-${e.quad}`, dataset: { event: e.id } },
    COLUMNS.map((c) => {
      if (c.key === 'evidence') return h('td', { class: 'evidence' }, h('a', { href: link }, e.evidence));
      if (c.key === 'review') return h('td', {}, e.review ? h('span', { class: `verdict ${e.review.verdict}` }, e.review.verdict) : '');
      return h('td', { class: c.num ? 'num' : null }, String(c.value(e)));
    }));
}

function sortableTable(items) {
  let sortKey = null;
  let dir = 1;
  const tbody = h('tbody');
  const heads = COLUMNS.map((c) => h('th', { scope: 'col', dataset: { sort: c.key }, tabindex: 0 }, c.label));
  const render = () => {
    const col = COLUMNS.find((c) => c.key === sortKey);
    const rows = col ? [...items].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      return (col.num ? x - y : String(x).localeCompare(String(y))) * dir;
    }) : items;
    replace(tbody, rows.map(eventRow));
    heads.forEach((th) => th.setAttribute('aria-sort', th.dataset.sort === sortKey ? (dir > 0 ? 'ascending' : 'descending') : 'none'));
  };
  heads.forEach((th) => {
    const sort = () => {
      dir = sortKey === th.dataset.sort ? -dir : 1;
      sortKey = th.dataset.sort;
      render();
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (ev) => ev.key === 'Enter' && sort());
  });
  render();
  return h('table', { class: 'grid', id: 'events-table' }, h('thead', {}, h('tr', {}, heads)), tbody);
}

function pager(params, page) {
  const go = (offset) => {
    const q = new URLSearchParams(params);
    q.set('offset', String(Math.max(0, offset)));
    return `#/events?${q}`;
  };
  return h('p', { class: 'pager' },
    page.offset > 0 ? h('a', { href: go(page.offset - page.limit) }, '← previous') : null, ' ',
    `events ${page.items.length ? page.offset + 1 : 0}–${page.offset + page.items.length}`, ' ',
    page.more ? h('a', { href: go(page.offset + page.limit) }, 'next →') : null);
}

/** The events filters given in `params` (for API calls). */
export function filtersOf(params) {
  return Object.fromEntries([...params].filter(([k]) => FILTERS.some((f) => f.name === k)));
}

/** Renders the events page for the filters in `params`. */
export async function showEvents(view, params) {
  const query = Object.fromEntries([...params].filter(([k]) => FILTERS.some((f) => f.name === k) || k === 'offset'));
  const form = filterForm(params);
  let body;
  try {
    const page = await get('events', { ...query, limit: 100 });
    body = page.items.length ? [sortableTable(page.items), pager(params, page)] : h('p', { class: 'empty' }, 'No event matches these filters.');
  } catch (err) {
    body = h('p', { class: 'error', id: 'filter-error' }, err.message);
  }
  replace(view, h('h2', {}, 'Events'), form, body);
}
