// The guarded fetch of posted URLs, against local servers only (no network): refusals, the allow options, redirects, size and time limits.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import { isPublicAddress, safeFetcher, URL_REFUSED } from './safe-fetch.js';
import { makeTestApp, type TestApp } from './test-app.js';

const STORY = '<html><head><title>Border talks</title></head><body><article><h1>Border talks</h1><p>Delegates from Arland and Brevia met in Kessel on Monday to resume talks about the border.</p></article></body></html>';

let server: Server;
let base: string;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/story') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STORY);
    else if (path === '/hop') res.writeHead(302, { location: '/story' }).end();
    else if (path === '/to-other-loopback') res.writeHead(301, { location: `http://127.0.0.2:${port}/story` }).end();
    else if (path === '/to-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    else if (path === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (path === '/big') res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(300_000) }).end('x'.repeat(300_000));
    else if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 30; i++) res.write('y'.repeat(10_000));
      res.end();
    } else if (path === '/slow') setTimeout(() => res.writeHead(200).end('late'), 2000);
    else res.writeHead(404).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const loopback = { allowNetworks: ['127.0.0.1/32'] };
const failure = async (p: Promise<unknown>) => p.then(() => null, (err: { code: string; message: string }) => ({ code: err.code, message: err.message }));

describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local, metadata, reserved and IPv4-carrying IPv6 addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1',
      'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '2002:c0a8:0101::1', 'not-an-ip']) expect(isPublicAddress(a), a).toBe(false);
  });

  it('accepts public addresses', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPublicAddress(a), a).toBe(true);
  });
});

describe('safeFetcher', () => {
  it('refuses a loopback address, written out or resolved from a name, unless allowed', async () => {
    expect(await failure(safeFetcher()(`${base}/story`))).toEqual({ code: URL_REFUSED, message: expect.stringMatching(/127\.0\.0\.1 is not a public address/) });
    expect(await failure(safeFetcher()(`http://localhost:${port}/story`))).toEqual({ code: URL_REFUSED, message: expect.stringMatching(/localhost resolves to .* not a public address/) });
    expect(await failure(safeFetcher()(`http://[::1]:${port}/story`))).toMatchObject({ code: URL_REFUSED });
    const page = await safeFetcher(loopback)(`${base}/story`);
    expect(new TextDecoder().decode(page.body)).toContain('Border talks');
    expect(page.contentType).toMatch(/text\/html/);
    expect((await safeFetcher({ allowPrivate: true })(`${base}/story`)).body.length).toBe(STORY.length);
  });

  it('refuses other schemes and credentials in the URL', async () => {
    expect(await failure(safeFetcher({ allowPrivate: true })('file:///etc/passwd'))).toMatchObject({ code: URL_REFUSED, message: expect.stringMatching(/scheme "file"/) });
    expect(await failure(safeFetcher({ allowPrivate: true })(`http://u:p@127.0.0.1:${port}/story`))).toMatchObject({ code: URL_REFUSED });
  });

  it('follows redirects, checking each one again', async () => {
    expect((await safeFetcher(loopback)(`${base}/hop`)).body.length).toBe(STORY.length);
    expect(await failure(safeFetcher(loopback)(`${base}/to-other-loopback`))).toMatchObject({ code: URL_REFUSED, message: expect.stringMatching(/127\.0\.0\.2/) });
    expect(await failure(safeFetcher(loopback)(`${base}/to-file`))).toMatchObject({ code: URL_REFUSED });
    expect(await failure(safeFetcher(loopback)(`${base}/loop`))).toMatchObject({ code: 'input-fetch', message: expect.stringMatching(/more than 5 redirects/) });
  });

  it('stops at the size cap, declared or not, and at the deadline', async () => {
    const small = safeFetcher({ ...loopback, maxBytes: 100_000, timeoutMs: 300 });
    expect(await failure(small(`${base}/big`))).toMatchObject({ code: 'input-fetch', message: expect.stringMatching(/larger than 100000 bytes/) });
    expect(await failure(small(`${base}/big-chunked`))).toMatchObject({ code: 'input-fetch', message: expect.stringMatching(/larger than 100000 bytes/) });
    expect(await failure(small(`${base}/slow`))).toMatchObject({ code: 'input-fetch', message: expect.stringMatching(/within 0\.3 s/) });
    expect(await failure(small(`${base}/missing`))).toMatchObject({ code: 'input-fetch', message: expect.stringMatching(/answered 404/) });
  });

  it('names a malformed allowed network', () => {
    expect(() => safeFetcher({ allowNetworks: ['10.0.0.0/40'] })).toThrow(/allowed network "10.0.0.0\/40"/);
  });
});

describe('POST /api/articles with a url', () => {
  let open: TestApp;
  let allowing: TestApp;
  beforeAll(async () => {
    open = await makeTestApp({ fetchUrl: undefined });
    allowing = await makeTestApp({ fetchUrl: undefined, urlFetch: { ...loopback, maxBytes: 100_000 } });
  });
  afterAll(async () => {
    await open.close();
    await allowing.close();
  });
  const post = async (t: TestApp, url: string) => {
    const res = await t.app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' }, body: JSON.stringify({ url }) });
    return { status: res.status, body: (await res.json()) as { error?: string; stored?: boolean } };
  };

  it('refuses a private address with 400 and says why', async () => {
    expect(await post(open, `${base}/story`)).toEqual({ status: 400, body: { error: expect.stringMatching(/refused: 127\.0\.0\.1 is not a public address/) } });
    expect((await post(open, 'http://169.254.169.254/latest/meta-data/')).status).toBe(400);
  });

  it('fetches and stores the page when the address is allowed, and answers 422 when it cannot be had', async () => {
    expect(await post(allowing, `${base}/hop`)).toMatchObject({ status: 201, body: { stored: true } });
    expect(await post(allowing, `${base}/big`)).toEqual({ status: 422, body: { error: expect.stringMatching(/larger than 100000 bytes/) } });
    expect((await post(allowing, `${base}/to-other-loopback`)).status).toBe(400);
  });
});
