// A local HTTP server for feed tests (127.0.0.1, a free port): fixed routes, every request recorded.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** A route's answer: status, headers and body, or a function of the request headers giving one. */
export type Route = { status?: number; type?: string; body: string; headers?: Record<string, string> } | ((headers: IncomingHttpHeaders) => { status?: number; type?: string; body: string; headers?: Record<string, string> });

/** A running test server. */
export interface TestServer {
  url: string;
  /** Every request seen: path and headers. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Starts a server answering `routes` (path → answer; 404 otherwise) on 127.0.0.1. */
export async function startTestServer(routes: Record<string, Route>): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const r = typeof route === 'function' ? route(req.headers) : route;
    res.writeHead(r.status ?? 200, { 'content-type': r.type ?? 'text/html; charset=utf-8', ...r.headers }).end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** An RSS 2.0 feed of made-up items. */
export function rssFeed(items: { title: string; link: string; date?: string; description?: string }[]): string {
  const body = items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid>` +
    `${i.date ? `<pubDate>${i.date}</pubDate>` : ''}${i.description ? `<description><![CDATA[${i.description}]]></description>` : ''}</item>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Test wire</title>\n${body}\n</channel></rss>`;
}

/** A made-up news page whose article Readability finds. */
export function newsPage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><nav>Home | World | Sport</nav><article><h1>${title}</h1>` +
    `${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Copyright the test wire</footer></body></html>`;
}
