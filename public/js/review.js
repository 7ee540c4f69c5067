// The review form: confirm, reject or correct an event; the token is kept in localStorage.
import { getToken, post, setToken } from './api.js';
import { h, replace } from './dom.js';

function current(review) {
  if (!review) return h('p', { class: 'note', id: 'review-status' }, 'Not reviewed yet.');
  const changes = ['cameo', 'source', 'target', 'date'].filter((k) => review[k]).map((k) => `${k} → ${review[k]}`).join(', ');
  return h('p', { id: 'review-status', class: `verdict ${review.verdict}` },
    `${review.verdict}${changes ? ` (${changes})` : ''} by ${review.reviewer} at ${review.at.replace('T', ' ').slice(0, 16)}`,
    review.note ? ` — ${review.note}` : '', review.stale ? ' (made against an earlier coding)' : '');
}

/** The review block of one event: its current review and a form to change it. */
export function reviewForm(record, index, review, onSaved) {
  const status = h('div', {}, current(review));
  const field = (name, label, placeholder) => h('label', {}, label, ' ', h('input', { name, placeholder }));
  const verdicts = ['confirm', 'reject', 'correct'].map((v) => h('label', {}, h('input', { type: 'radio', name: 'verdict', value: v, checked: v === (review?.verdict ?? 'confirm') }), ` ${v}`));
  const message = h('p', { class: 'form-message', role: 'status' });
  const token = h('input', { name: 'token', type: 'password', value: getToken(), autocomplete: 'off' });
  const form = h('form', { class: 'review', id: 'review-form' },
    h('fieldset', {}, h('legend', {}, 'Verdict'), verdicts),
    h('div', { class: 'corrections' }, field('cameo', 'CAMEO', record.events[index].cameo), field('source', 'Source', 'name or code'),
      field('target', 'Target', 'name or code'), field('date', 'Date', 'YYYY-MM-DD')),
    h('label', {}, 'Note ', h('input', { name: 'note' })), h('label', {}, 'Reviewer ', h('input', { name: 'reviewer', value: localStorage.getItem('faultline-reviewer') ?? '' })),
    h('label', {}, 'Token ', token), h('button', { type: 'submit' }, 'Save review'), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries([...new FormData(form)].filter(([k, v]) => v !== '' && k !== 'token'));
    setToken(token.value);
    if (data.reviewer) localStorage.setItem('faultline-reviewer', data.reviewer);
    if (data.verdict !== 'correct') ['cameo', 'source', 'target', 'date'].forEach((k) => delete data[k]);
    try {
      const saved = await post(`articles/${encodeURIComponent(record.article.id)}/events/${index}/review`, data);
      replace(status, current(saved));
      replace(message, 'Saved.');
      onSaved(saved);
    } catch (err) {
      replace(message, h('span', { class: 'error' }, err.message));
    }
  });
  return h('div', {}, status, form);
}
