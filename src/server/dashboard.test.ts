// Browser test: the dashboard in Debian's headless Chromium (playwright-core), on the seed article and the Wikinews corpus.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createApp } from './app.js';
import { PUBLIC_DIR } from './static.js';
import { listen, openDeps, type RunningServer } from './server.js';
import { ingestPaths } from '../store/ingest.js';
import { fromText } from '../ingest/text.js';
import { contentHash } from '../store/rows.js';

const CHROMIUM = '/usr/bin/chromium';
const SEED = '/work/shared/corpus/seed/ukraine-crisis-2022-01-20.txt';
const GUM = '/work/shared/corpus/gum';
const SHOTS = fileURLToPath(new URL('../../test-output/', import.meta.url));
const missing = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install -y chromium)` : !existsSync(SEED) ? `${SEED} is missing` : null;
if (missing) console.warn(`dashboard browser test skipped: ${missing}`);

const HOSTILE = 'Russia condemned Ukraine on Monday. <script>window.__xss = 1</script> He wrote <img src=x onerror="window.__xss = 2"> and left.';

describe.skipIf(missing !== null)('dashboard in headless Chromium', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let closeDeps: () => Promise<void>;
  const dialogs: string[] = [];
  const errors: string[] = [];
  const external: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faultline-dash-'));
    mkdirSync(SHOTS, { recursive: true });
    const deps = await openDeps({ db: join(dir, 'dash.db') });
    closeDeps = deps.close;
    await ingestPaths([SEED], deps.store, { analyze: deps.analyze!, pipelineVersion: deps.pipelineVersion, published: '2022-01-20' });
    if (existsSync(GUM)) await ingestPaths([GUM], deps.store, { analyze: deps.analyze!, pipelineVersion: deps.pipelineVersion });
    const raw = fromText(HOSTILE, { source: 'hostile.txt', id: 'hostile', title: '<img src=x onerror="window.__xss = 3">', published: '2022-01-24' });
    await deps.store.saveAnalysis({ record: deps.analyze!(raw), contentHash: contentHash(HOSTILE), pipelineVersion: deps.pipelineVersion });
    server = await listen(createApp({ ...deps, writeToken: 'test-token', publicDir: PUBLIC_DIR }), 0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) external.push(r.url());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await closeDeps?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the overview timeline and the escalation index', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#timeline');
    await page.waitForSelector('#escalation, .escalation-box .empty');
    expect(await page.locator('#timeline rect.bar').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
  });

  it('filters the events table and sorts it', async () => {
    await page.goto(`${server.url}/#/events`);
    await page.waitForSelector('#events-table tbody tr');
    await page.fill('#event-filters input[name=actor]', 'RUS');
    await page.click('#event-filters button[type=submit]');
    await page.waitForFunction(() => location.hash.includes('actor=RUS'));
    await page.waitForSelector('#events-table tbody tr');
    const rows = await page.locator('#events-table tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('RUS'))).toBe(true);
    await page.click('#events-table th[data-sort=goldstein]');
    expect(await page.getAttribute('#events-table th[data-sort=goldstein]', 'aria-sort')).toBe('ascending');
    await page.screenshot({ path: join(SHOTS, 'events.png') });
  });

  it('opens an article at an event and shows its evidence, codes and modality', async () => {
    await page.click('#events-table tbody tr td.evidence a');
    await page.waitForSelector('#event-detail');
    expect((await page.textContent('#evidence'))!.length).toBeGreaterThan(10);
    expect(await page.textContent('#event-detail')).toMatch(/CAMEO[\s\S]*Goldstein[\s\S]*Modality[\s\S]*Attribution/);
    expect(await page.locator('#article-text .mk-event.selected').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'reader.png'), fullPage: true });
  });

  it('saves a review that survives a reload', async () => {
    await page.check('#review-form input[value=reject]');
    await page.fill('#review-form input[name=note]', 'not in the text');
    await page.fill('#review-form input[name=token]', 'test-token');
    await page.click('#review-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#review-status')?.textContent?.startsWith('reject'));
    await page.reload();
    await page.waitForSelector('#event-detail');
    expect(await page.textContent('#review-status')).toMatch(/^reject .*not in the text/);
    await page.screenshot({ path: join(SHOTS, 'review.png') });
  });

  it('draws the actor network, coloured from conflict to cooperation, and regroups it by country', async () => {
    await page.goto(`${server.url}/#/network`);
    await page.waitForSelector('#network .node');
    expect(await page.locator('#network .node').count()).toBeGreaterThan(2);
    expect(await page.locator('#network .link path.edge').count()).toBeGreaterThan(0);
    expect(await page.locator('#network .link path.edge').first().getAttribute('stroke')).toMatch(/^rgb\(/);
    await page.screenshot({ path: join(SHOTS, 'network.png'), fullPage: true });
    await page.selectOption('#network-filters select[name=by]', 'country');
    await page.click('#network-filters button[type=submit]');
    await page.waitForFunction(() => location.hash.includes('by=country'));
    await page.waitForSelector('#network .node');
    expect(await page.locator('#network .node[data-key=RUS]').count()).toBe(1);
    await page.click('#network .node[data-key=RUS] circle');
    await page.waitForFunction(() => location.hash.startsWith('#/events?actor=RUS'));
  });

  it('plots event locations on the offline world map', async () => {
    await page.goto(`${server.url}/#/map`);
    await page.waitForSelector('#map path.country');
    expect(await page.locator('#map path.country').count()).toBeGreaterThan(150);
    expect(await page.locator('#map circle.place').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'map.png'), fullPage: true });
    expect(external).toEqual([]);
  });

  it('renders hostile article text inert', async () => {
    await page.goto(`${server.url}/#/article/hostile`);
    await page.waitForSelector('#article-text');
    expect(await page.textContent('#article-text')).toContain('<script>window.__xss = 1</script>');
    expect(await page.textContent('#article-title')).toContain('onerror=');
    expect(await page.locator('#view script, #view img').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'hostile.png') });
  });
});
