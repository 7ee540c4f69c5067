// The article list, with full-text search.
import { get } from './api.js';
import { h, replace } from './dom.js';

/** Renders the articles page (search with ?q=). */
export async function showArticles(view, params) {
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const page = q ? await get('search', { q, limit: 100, offset }) : await get('articles', { limit: 100, offset });
  const input = h('input', { name: 'q', type: 'search', value: q, placeholder: 'search titles and texts', 'aria-label': 'Search' });
  const form = h('form', { class: 'filters' }, input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = input.value ? `#/articles?q=${encodeURIComponent(input.value)}` : '#/articles';
  });
  const rows = page.items.map((a) => h('tr', {},
    h('td', {}, h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, a.title ?? a.id)),
    h('td', {}, a.published ?? '—'), h('td', { class: 'num' }, a.events), h('td', { class: 'source' }, a.url ?? a.source)));
  const more = page.more ? h('a', { href: `#/articles?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(offset + page.limit) })}` }, 'next →') : null;
  replace(view, h('h2', {}, q ? `Articles holding “${q}”` : 'Articles'), form,
    rows.length ? h('table', { class: 'grid', id: 'articles-table' }, h('thead', {}, h('tr', {}, ['Title', 'Published', 'Events', 'Source'].map((t) => h('th', {}, t)))), h('tbody', {}, rows)) : h('p', { class: 'empty' }, 'No article.'),
    h('p', { class: 'pager' }, more));
}
