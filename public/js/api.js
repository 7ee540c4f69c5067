// Calls to the JSON API; the token (for writes, or for reads on a closed server) lives in localStorage.
const TOKEN_KEY = 'faultline-token';

/** The saved token, or ''. */
export function getToken() {
  return localStorage.getItem(TOKEN_KEY) ?? '';
}

/** Saves the token for later requests. */
export function setToken(token) {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

function headers(extra) {
  const token = getToken();
  return { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra };
}

async function answer(res) {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error ?? `${res.status} ${res.statusText}`);
  return body;
}

/** GET /api/<path> with the non-empty params as the query. */
export async function get(path, params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  const res = await fetch(`/api/${path}${q.size ? `?${q}` : ''}`, { headers: headers() });
  return answer(res);
}

/** POST a JSON body to /api/<path>. */
export async function post(path, body) {
  const res = await fetch(`/api/${path}`, { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) });
  return answer(res);
}
