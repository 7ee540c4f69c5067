// The contract every Store must pass: one suite, run against each backend by its own test file.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Store } from './store.js';
import type { ReviewInput, ReviewStore } from './reviews.js';
import { fixtureEvent, fixtureRecord, fixtureSave, wireStory } from './fixtures.js';

/** Runs the store contract against stores made by `makeStore` (a fresh, empty, migrated store each time). */
export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const kyiv = fixtureRecord('a1', 'Russia accused Ukraine of shelling near Kyiv during the talks.', [
      fixtureEvent('RUS', 'UKR', '112', '2022-01-20'),
      fixtureEvent('PUTIN', 'UKR', '138', '2022-02-24', { modality: 'future' }),
      fixtureEvent('USA', 'RUS', '040', null),
    ], { published: '2022-01-21', url: 'https://example.org/a1' });
    const geneva = fixtureRecord('a2', 'American and Russian diplomats met in Geneva for security talks.', [
      fixtureEvent('USA', 'RUS', '043', '2022-01-10'),
    ], { published: '2022-01-10' });

    it('stores an article with its events, mentions, quotes and flags, and counts them', async () => {
      expect(await store.saveAnalysis(fixtureSave(kyiv))).toMatchObject({ stored: true, events: 3 });
      expect(await store.counts()).toEqual({ articles: 1, events: 3, mentions: 1, quotes: 1, flags: 1, failures: 0 });
    });

    it('does not store the same article twice, by id, URL or content', async () => {
      await store.saveAnalysis(fixtureSave(kyiv));
      expect((await store.saveAnalysis(fixtureSave(kyiv))).stored).toBe(false);
      const sameUrl = fixtureRecord('other', 'Different words entirely.', [], { url: 'https://example.org/a1' });
      expect((await store.saveAnalysis(fixtureSave(sameUrl))).stored).toBe(false);
      const sameText = fixtureRecord('b9', kyiv.text, [fixtureEvent('RUS', 'UKR', '112', null)]);
      expect((await store.saveAnalysis(fixtureSave(sameText))).stored).toBe(false);
      expect((await store.counts()).events).toBe(3);
    });

    it('finds a stored article by id, URL or content hash', async () => {
      const input = fixtureSave(kyiv);
      await store.saveAnalysis(input);
      expect(await store.hasArticle({ id: 'a1' })).toBe(true);
      expect(await store.hasArticle({ url: 'https://example.org/a1' })).toBe(true);
      expect(await store.hasArticle({ contentHash: input.contentHash })).toBe(true);
      expect(await store.hasArticle({ id: 'zz', url: null, contentHash: 'nope' })).toBe(false);
    });

    it('queries events by dyad, date range, root, quad, modality and actor', async () => {
      await store.saveAnalysis(fixtureSave(kyiv));
      await store.saveAnalysis(fixtureSave(geneva));
      const codes = async (q: Parameters<Store['queryEvents']>[0]) => (await store.queryEvents(q)).map((e) => e.cameo);
      expect(await codes({ dyad: 'RUS-UKR' })).toEqual(['112', '138']);
      expect(await codes({ dyad: 'rus-ukr', from: '2022-02-01' })).toEqual(['138']);
      expect(await codes({ from: '2022-01-15', to: '2022-01-31' })).toEqual(['112', '040']);
      expect(await codes({ root: '4' })).toEqual(['043', '040']);
      expect(await codes({ quad: 3 })).toEqual(['112', '138']);
      expect(await codes({ modality: 'future' })).toEqual(['138']);
      expect(await codes({ actor: 'putin' })).toEqual(['138']);
      expect(await codes({ actor: 'USA' })).toEqual(['043', '040']);
      expect(await codes({ limit: 2, offset: 1 })).toEqual(['112', '040']);
    });

    it('filters events by words of the evidence or an actor name, every word required, case and wildcards literal', async () => {
      const worded = fixtureRecord('t1', 'Words.', [
        fixtureEvent('RUS', 'UKR', '112', '2022-01-20', { evidence: 'Moscow accused Kyiv of shelling the border' }),
        fixtureEvent('USA', 'RUS', '040', '2022-01-21', { evidence: 'Washington urged 100% restraint' }),
        fixtureEvent('PUTIN', null, '010', '2022-01-22', { evidence: 'He spoke at length' }),
      ]);
      await store.saveAnalysis(fixtureSave(worded));
      const codes = async (text: string, extra: Parameters<Store['queryEvents']>[0] = {}) => (await store.queryEvents({ ...extra, text })).map((e) => e.cameo);
      expect(await codes('SHELLING')).toEqual(['112']);
      expect(await codes('kyiv border')).toEqual(['112']);
      expect(await codes('kyiv restraint')).toEqual([]);
      expect(await codes('putin')).toEqual(['010']);
      expect(await codes('ukraine')).toEqual(['112']);
      expect(await codes('100%')).toEqual(['040']);
      expect(await codes('%')).toEqual(['040']);
      expect(await codes('_')).toEqual([]);
      expect(await codes('urged', { dyad: 'RUS-UKR' })).toEqual([]);
      expect(await codes('border', { dyad: 'RUS-UKR', from: '2022-01-01', root: '11', quad: 3, modality: 'asserted', actor: 'russia' })).toEqual(['112']);
    });

    it('lists dated events by day and undated ones last, on every page', async () => {
      const mixed = fixtureRecord('m1', 'Mixed dates.', [
        fixtureEvent('RUS', 'UKR', '112', null), fixtureEvent('RUS', 'UKR', '138', '2022-03-02'), fixtureEvent('RUS', 'UKR', '190', null),
        fixtureEvent('RUS', 'UKR', '036', '2022-03-01'),
      ]);
      await store.saveAnalysis(fixtureSave(mixed));
      const codes = async (q: Parameters<Store['queryEvents']>[0]) => (await store.queryEvents(q)).map((e) => e.cameo);
      expect(await codes({})).toEqual(['036', '138', '112', '190']);
      expect(await codes({ dyad: 'RUS-UKR', limit: 3 })).toEqual(['036', '138', '112']);
      expect(await codes({ dyad: 'RUS-UKR', limit: 2, offset: 1 })).toEqual(['138', '112']);
      expect(await codes({ limit: 5, offset: 3 })).toEqual(['190']);
      expect(await codes({ limit: 1, offset: 2 })).toEqual(['112']);
      expect(await codes({ offset: 4 })).toEqual([]);
      expect(await codes({ from: '2022-01-01' })).toEqual(['036', '138']);
    });

    it('changes its generation when articles are stored or re-analysed, and not when nothing changes', async () => {
      const g0 = await store.generation();
      expect(await store.generation()).toBe(g0);
      await store.saveAnalysis(fixtureSave(kyiv));
      const g1 = await store.generation();
      expect(g1).not.toBe(g0);
      await store.queryEvents({ dyad: 'RUS-UKR' });
      expect(await store.generation()).toBe(g1);
      await store.replaceAnalysis({ articleId: 'a1', record: { ...kyiv, events: [] }, pipelineVersion: '2' });
      expect(await store.generation()).not.toBe(g1);
    });

    it('files an undated event under the publication day and keeps its own date null', async () => {
      await store.saveAnalysis(fixtureSave(kyiv));
      const [undated] = await store.queryEvents({ root: '04' });
      expect(undated).toMatchObject({ date: null, day: '2022-01-21', articleId: 'a1', url: 'https://example.org/a1', published: '2022-01-21' });
    });

    it('records the pipeline version on every event', async () => {
      await store.saveAnalysis(fixtureSave(kyiv, '9.9.9'));
      const events = await store.queryEvents();
      expect(events.map((e) => e.pipelineVersion)).toEqual(['9.9.9', '9.9.9', '9.9.9']);
    });

    it('gives back events whole: actors, target, codes and location', async () => {
      const located = fixtureRecord('a3', 'Ukraine appealed for aid in Lviv.', [
        fixtureEvent('UKR', null, '020', '2022-03-01', { location: { name: 'Lviv', country: 'UKR', lat: 49.84, lon: 24.03 } }),
      ]);
      await store.saveAnalysis(fixtureSave(located));
      const [e] = await store.queryEvents();
      expect(e).toMatchObject({ source: { actor: 'ukraine', name: 'Ukraine', country: 'UKR', sector: null }, target: null, cameo: '020', root: '02', quad: 1, goldstein: 3, plover: 'CONSULT', confidence: 0.8 });
      expect(e.location).toEqual({ name: 'Lviv', country: 'UKR', lat: 49.84, lon: 24.03 });
      expect(typeof e.id).toBe('number');
    });

    it('pages through every event by id', async () => {
      await store.saveAnalysis(fixtureSave(kyiv));
      await store.saveAnalysis(fixtureSave(geneva));
      const first = await store.queryEvents({ afterId: 0, limit: 3 });
      const rest = await store.queryEvents({ afterId: first[first.length - 1].id, limit: 3 });
      expect([...first, ...rest].map((e) => e.cameo)).toEqual(['112', '138', '040', '043']);
    });

    it('lists articles and full records in the order they were stored', async () => {
      await store.saveAnalysis(fixtureSave(geneva));
      await store.saveAnalysis(fixtureSave(kyiv));
      const articles = await store.listArticles();
      expect(articles.map((a) => [a.id, a.events, a.published])).toEqual([['a2', 1, '2022-01-10'], ['a1', 3, '2022-01-21']]);
      expect((await store.listArticles({ limit: 1, offset: 1 })).map((a) => a.id)).toEqual(['a1']);
      const records = await store.listRecords();
      expect(records[1]).toEqual(kyiv);
    });

    it('searches article text with stemming, every word required', async () => {
      await store.saveAnalysis(fixtureSave(kyiv));
      await store.saveAnalysis(fixtureSave(geneva));
      expect((await store.searchArticles('talks')).map((a) => a.id).sort()).toEqual(['a1', 'a2']);
      expect((await store.searchArticles('shelled Kyiv')).map((a) => a.id)).toEqual(['a1']);
      expect((await store.searchArticles('Geneva "OR" Kyiv')).map((a) => a.id)).toEqual([]);
      expect(await store.searchArticles('  ...  ')).toEqual([]);
    });

    it('records failures once per source, counts attempts, and clears them', async () => {
      await store.recordFailure('bad.txt', { code: 'input-empty', message: 'bad.txt: empty' });
      await store.recordFailure('bad.txt', { code: 'input-empty', message: 'bad.txt: still empty' });
      await store.recordFailure('x.jsonl:3', { code: 'input-jsonl', message: 'not JSON' });
      const failures = await store.listFailures();
      expect(failures.map((f) => [f.source, f.attempts])).toEqual(expect.arrayContaining([['bad.txt', 2], ['x.jsonl:3', 1]]));
      expect(failures.find((f) => f.source === 'bad.txt')?.message).toBe('bad.txt: still empty');
      await store.clearFailure('bad.txt');
      expect((await store.counts()).failures).toBe(1);
    });

    it('rejects a malformed dyad with a message saying what to give', async () => {
      await expect(store.queryEvents({ dyad: 'Russia and Ukraine' })).rejects.toThrow(/RUS-UKR/);
    });

    it('gives back one record by article id', async () => {
      await store.saveAnalysis(fixtureSave(kyiv));
      expect(await store.getRecord('a1')).toEqual(kyiv);
      expect(await store.getRecord('nope')).toBeNull();
    });

    it('replaces an article\'s events, mentions, quotes and flags and records the new pipeline version', async () => {
      await store.saveAnalysis(fixtureSave(kyiv, '1.0.0'));
      await store.saveAnalysis(fixtureSave(geneva, '1.0.0'));
      const recoded = { ...kyiv, events: [fixtureEvent('UKR', 'RUS', '111', '2022-01-20')], quotes: [], flags: [] };
      expect(await store.replaceAnalysis({ articleId: 'a1', record: recoded, pipelineVersion: '2.0.0' })).toBe(true);
      expect(await store.replaceAnalysis({ articleId: 'zz', record: recoded, pipelineVersion: '2.0.0' })).toBe(false);
      expect(await store.counts()).toMatchObject({ articles: 2, events: 2, mentions: 2, quotes: 1, flags: 1 });
      expect((await store.queryEvents({ actor: 'ukraine' })).map((e) => [e.cameo, e.pipelineVersion])).toEqual([['111', '2.0.0']]);
      expect((await store.listArticles()).map((a) => [a.id, a.events, a.pipelineVersion])).toEqual([['a1', 1, '2.0.0'], ['a2', 1, '1.0.0']]);
      expect(await store.getRecord('a1')).toEqual(recoded);
      expect((await store.searchArticles('Kyiv')).map((a) => a.id)).toEqual(['a1']);
    });

    it('clusters near-duplicate texts and merges their events with mention, source and article counts', async () => {
      const story = wireStory(1);
      const wire = fixtureRecord('w1', story, [fixtureEvent('RUS', 'UKR', '112', '2022-01-20'), fixtureEvent('RUS', 'UKR', '112', '2022-01-20')], { url: 'https://one.example/w1' });
      const copy = fixtureRecord('w2', `${story} Reporting by the wire desk.`, [fixtureEvent('RUS', 'UKR', '112', '2022-01-20'), fixtureEvent('USA', 'RUS', '040', '2022-01-20')], { url: 'https://two.example/w2' });
      const other = fixtureRecord('w3', wireStory(2), [fixtureEvent('RUS', 'UKR', '112', '2022-01-20')], { url: 'https://one.example/w3' });
      const first = await store.saveAnalysis(fixtureSave(wire));
      expect((await store.saveAnalysis(fixtureSave(copy))).cluster).toBe(first.cluster);
      expect((await store.saveAnalysis(fixtureSave(other))).cluster).not.toBe(first.cluster);
      const articles = await store.listArticles();
      expect(articles[1].cluster).toBe(articles[0].cluster);
      const events = await store.queryEvents({ afterId: 0 });
      const groups = await store.groupEvents();
      expect(groups.map((g) => [g.id, g.mentions, g.sources, g.articles])).toEqual([
        [events[0].id, 3, 2, 2], [events[3].id, 1, 1, 1], [events[4].id, 1, 1, 1],
      ]);
      expect((await store.groupEvents({ dyad: 'USA-RUS' })).map((g) => g.id)).toEqual([events[3].id]);
    });

    it('keeps the conditional-GET state of each feed', async () => {
      expect(await store.getFeedState('http://127.0.0.1/feed')).toBeNull();
      const state = { url: 'http://127.0.0.1/feed', etag: '"v1"', lastModified: 'Wed, 19 Jan 2022 10:00:00 GMT', polledAt: '2022-01-19T10:00:00.000Z', status: 200, error: null };
      await store.saveFeedState(state);
      await store.saveFeedState({ ...state, etag: '"v2"' });
      expect(await store.getFeedState(state.url)).toEqual({ ...state, etag: '"v2"' });
    });

    it('migrates an already migrated store without change', async () => {
      await store.saveAnalysis(fixtureSave(kyiv));
      await store.migrate();
      expect((await store.counts()).articles).toBe(1);
    });
  });
}

/** A store and the reviews kept beside it, opened together on fresh, empty storage. */
export interface ReviewedStore {
  store: Store;
  reviews: ReviewStore;
  close(): Promise<void>;
}

/** Runs the reviews contract against reviews made by `open` (with the store they are kept beside). */
export function runReviewContract(name: string, open: () => Promise<ReviewedStore>): void {
  describe(`${name} reviews contract`, () => {
    let s: ReviewedStore;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await s.close();
    });

    const review = (articleId: string, eventIndex: number, extra: Partial<ReviewInput> = {}): ReviewInput =>
      ({ articleId, eventIndex, verdict: 'confirm', reviewer: 'ana', evidence: 'Russia acted', originalCameo: '112', ...extra });

    it('stores a review with every field and lists it', async () => {
      const saved = await s.reviews.saveReview(review('a1', 0, { verdict: 'correct', cameo: '1121', source: 'RUS', target: 'UKR', date: '2022-01-20', note: 'clearer code' }));
      expect(saved).toMatchObject({ articleId: 'a1', eventIndex: 0, verdict: 'correct', cameo: '1121', source: 'RUS', target: 'UKR', date: '2022-01-20', note: 'clearer code', reviewer: 'ana' });
      expect(typeof saved.at).toBe('string');
      expect(await s.reviews.listReviews()).toEqual([saved]);
    });

    it('keeps one review per event, the latest, and lists newest first', async () => {
      await s.reviews.saveReview(review('a1', 0));
      await s.reviews.saveReview(review('a1', 1, { verdict: 'reject' }));
      await s.reviews.saveReview(review('a2', 0));
      await s.reviews.saveReview(review('a1', 0, { verdict: 'reject', reviewer: 'ben' }));
      const all = await s.reviews.listReviews();
      expect(all.map((r) => [r.articleId, r.eventIndex, r.verdict, r.reviewer])).toEqual([['a1', 0, 'reject', 'ben'], ['a2', 0, 'confirm', 'ana'], ['a1', 1, 'reject', 'ana']]);
      expect((await s.reviews.listReviews({ articleId: 'a1' })).map((r) => r.eventIndex)).toEqual([0, 1]);
      expect((await s.reviews.listReviews({ limit: 1, offset: 1 })).map((r) => r.articleId)).toEqual(['a2']);
    });

    it('changes its generation with every save, even of the same event', async () => {
      const g0 = await s.reviews.generation();
      await s.reviews.saveReview(review('a1', 0));
      const g1 = await s.reviews.generation();
      expect(g1).not.toBe(g0);
      await s.reviews.saveReview(review('a1', 0, { verdict: 'reject' }));
      expect(await s.reviews.generation()).not.toBe(g1);
    });

    it('keeps reviews when their article is re-analysed', async () => {
      const record = fixtureRecord('r1', 'Russia accused Ukraine.', [fixtureEvent('RUS', 'UKR', '112', '2022-01-20')]);
      await s.store.saveAnalysis(fixtureSave(record));
      await s.reviews.saveReview(review('r1', 0, { verdict: 'correct', cameo: '111' }));
      await s.store.replaceAnalysis({ articleId: 'r1', record: { ...record, events: [fixtureEvent('RUS', 'UKR', '111', '2022-01-20')] }, pipelineVersion: '2' });
      expect((await s.reviews.listReviews({ articleId: 'r1' })).map((r) => [r.eventIndex, r.verdict, r.cameo, r.originalCameo])).toEqual([[0, 'correct', '111', '112']]);
    });
  });
}
