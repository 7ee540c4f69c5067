// Fetching the URL of a posted article without letting a caller reach the server's own network (SSRF):
// http(s) only, every address a name resolves to checked (and connected to as checked), redirects re-checked, a size cap and a deadline.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ConfigError, InputError } from '../errors.js';

/** What the guarded fetch allows. */
export interface SafeFetchOptions {
  /** Fetch from private, loopback, link-local and other non-public addresses too (a trusted network only). */
  allowPrivate?: boolean;
  /** Networks (CIDR, "127.0.0.1/32", "10.1.0.0/16", "::1/128") exempted from the refusal, for example an internal news mirror. */
  allowNetworks?: string[];
  /** Largest page read, in bytes (default 5 MB). */
  maxBytes?: number;
  /** Time allowed for the whole fetch, redirects included, in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
}

/** A fetched page. */
export interface FetchedPage {
  body: Uint8Array;
  contentType: string;
}

/** Error codes of the guarded fetch: a refused URL (answered 400) and a page that could not be had (answered 422). */
export const URL_REFUSED = 'url-refused';

const DEFAULT_MAX_BYTES = 5_000_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_REDIRECTS = 5;

/** Addresses that are not on the public internet: this host, private networks, link-local (cloud metadata at 169.254.169.254), and reserved ranges. */
const NON_PUBLIC: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], ['10.0.0.0', 8, 'ipv4'], ['100.64.0.0', 10, 'ipv4'], ['127.0.0.0', 8, 'ipv4'], ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'], ['192.0.0.0', 24, 'ipv4'], ['192.0.2.0', 24, 'ipv4'], ['192.88.99.0', 24, 'ipv4'], ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'], ['198.51.100.0', 24, 'ipv4'], ['203.0.113.0', 24, 'ipv4'], ['224.0.0.0', 4, 'ipv4'], ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'], ['::1', 128, 'ipv6'], ['100::', 64, 'ipv6'], ['2001:db8::', 32, 'ipv6'], ['fc00::', 7, 'ipv6'], ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'], ['ff00::', 8, 'ipv6'],
];

const nonPublic = new BlockList();
for (const [net, prefix, type] of NON_PUBLIC) nonPublic.addSubnet(net, prefix, type);

/** The IPv4 address an IPv6 address carries (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16), or null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:(?:0:)?|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const words = expandIpv6(lower);
  if (!words) return null;
  const v4 = (hi: number, lo: number): string => [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  if (words.slice(0, 5).every((w) => w === 0) && (words[5] === 0xffff || words[5] === 0) && (words[6] || words[7])) return v4(words[6], words[7]);
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0)) return v4(words[6], words[7]);
  if (words[0] === 0x2002) return v4(words[1], words[2]);
  return null;
}

/** The eight 16-bit words of an IPv6 address without a dotted tail, or null. */
function expandIpv6(address: string): number[] | null {
  if (address.includes('.')) return null;
  const [head, tail] = address.split('::');
  const part = (s: string | undefined): number[] => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const h = part(head);
  const t = part(tail);
  const words = address.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill(0), ...t] : h;
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}

/** True when `address` (an IP) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !nonPublic.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address.replace(/%.*$/, ''));
  if (v4 !== null) return isPublicAddress(v4);
  return !nonPublic.check(address.replace(/%.*$/, ''), 'ipv6');
}

/** The policy of one fetcher: whether an address may be connected to. */
function policyOf(options: SafeFetchOptions): (address: string) => boolean {
  if (options.allowPrivate) return () => true;
  const allowed = new BlockList();
  for (const cidr of options.allowNetworks ?? []) {
    const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
    const family = m ? isIP(m[1]) : 0;
    if (!m || !family || Number(m[2]) > (family === 4 ? 32 : 128)) throw new ConfigError('config-network', `allowed network "${cidr}": give a CIDR such as 10.0.0.0/8 or ::1/128.`);
    allowed.addSubnet(m[1], Number(m[2]), family === 4 ? 'ipv4' : 'ipv6');
  }
  return (address) => {
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    return isPublicAddress(address) || allowed.check(address, family);
  };
}

const refused = (url: string, why: string): InputError =>
  new InputError(URL_REFUSED, `${url}: refused: ${why}; the server fetches only public http(s) addresses.`);

/** A fetcher for posted URLs under `options`: throws InputError (code {@link URL_REFUSED} for refusals, "input-fetch" otherwise). */
export function safeFetcher(options: SafeFetchOptions = {}): (url: string) => Promise<FetchedPage> {
  const allowed = policyOf(options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_REDIRECTS;

  /** The resolver the connection uses: every address of the name must be allowed, and only those are handed to the socket. */
  const checkedLookup = (url: string): LookupFunction => (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { all: true, family: lookupOptions.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = addresses.find((a) => !allowed(a.address));
      if (bad || !addresses.length) return callback(refused(url, bad ? `${hostname} resolves to ${bad.address}, which is not a public address` : `${hostname} has no address`), '', 0);
      if (lookupOptions.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };

  return async (start) => {
    const deadline = Date.now() + timeoutMs;
    let url = start;
    for (let hop = 0; ; hop++) {
      const target = checkUrl(url, allowed);
      const res = await get(target, url, checkedLookup(url), deadline, timeoutMs);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (hop >= maxRedirects) throw new InputError('input-fetch', `${start}: more than ${maxRedirects} redirects.`);
        url = new URL(res.headers.location, url).toString();
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new InputError('input-fetch', `${url}: the server answered ${status} ${res.statusMessage ?? ''}`.trimEnd() + '.');
      }
      const body = await readCapped(res, url, maxBytes, deadline, timeoutMs);
      return { body, contentType: String(res.headers['content-type'] ?? '') };
    }
  };
}

/** The URL parsed, when it is http(s) and, for an address written out, an allowed one. */
function checkUrl(url: string, allowed: (address: string) => boolean): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refused(url, 'not an absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw refused(url, `the scheme "${parsed.protocol.replace(/:$/, '')}" is not http or https`);
  if (parsed.username || parsed.password) throw refused(url, 'credentials in the URL');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !allowed(host)) throw refused(url, `${host} is not a public address`);
  return parsed;
}

function get(target: URL, url: string, lookup: LookupFunction, deadline: number, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(target, { method: 'GET', agent: false, lookup, headers: { 'user-agent': 'faultline', accept: 'text/html, text/plain;q=0.9, */*;q=0.5' } }, resolve);
    const timer = setTimeout(() => req.destroy(new InputError('input-fetch', `${url}: no answer within ${timeoutMs / 1000} s.`)), Math.max(0, deadline - Date.now()));
    req.on('response', () => clearTimeout(timer));
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof InputError ? err : new InputError('input-fetch', `${url}: could not be fetched (${err.message}).`));
    });
    req.end();
  });
}

function readCapped(res: IncomingMessage, url: string, maxBytes: number, deadline: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const tooLarge = (): InputError => new InputError('input-fetch', `${url}: the page is larger than ${maxBytes} bytes.`);
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.destroy();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => res.destroy(new InputError('input-fetch', `${url}: the page did not arrive within ${timeoutMs / 1000} s.`)), Math.max(0, deadline - Date.now()));
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) res.destroy(tooLarge());
      else chunks.push(chunk);
    });
    res.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    res.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof InputError ? err : new InputError('input-fetch', `${url}: the page could not be read (${err.message}).`));
    });
  });
}
