// The dashboard's router: #/ overview, #/events?filters, #/network?filters, #/map?filters, #/articles?q=, #/article/ID?event=N.
import { replace, h } from './dom.js';
import { showOverview } from './overview.js';
import { showEvents } from './events.js';
import { showArticles } from './articles.js';
import { showArticle } from './reader.js';
import { showNetwork } from './network.js';
import { showMap } from './map.js';

const view = document.getElementById('view');

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

async function route() {
  const { parts, params } = parseHash();
  const page = parts[0] ?? 'overview';
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('active', a.dataset.nav === (page === 'article' ? 'articles' : page));
  try {
    if (page === 'events') await showEvents(view, params);
    else if (page === 'network') await showNetwork(view, params);
    else if (page === 'map') await showMap(view, params);
    else if (page === 'articles') await showArticles(view, params);
    else if (page === 'article' && parts[1]) await showArticle(view, parts[1], params);
    else await showOverview(view, params);
  } catch (err) {
    replace(view, h('p', { class: 'error' }, `Could not load this page: ${err.message}`));
  }
  document.body.dataset.ready = page;
}

window.addEventListener('hashchange', route);
route();
