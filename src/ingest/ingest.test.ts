import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleId, ingest, ingestInBatches } from './index.js';
import { NO_URL_NOTICE_RE } from './notices.js';
import { findShared } from '../../eval/shared-data.js';
import { ownTempFolder } from '../../test/helpers/temp.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));
const fixture = (path: string): string => join(FIXTURES, path);

describe('ingest of the whole fixture folder', async () => {
  const result = await ingest([FIXTURES]);
  const byTitle = (title: string) => result.articles.find((a) => a.title === title);

  it('orders articles by path, then by item order in a feed', () => {
    const origins = result.articles.map((a) => `${a.origin.path.slice(FIXTURES.length)}${a.origin.feedItemId ? `#${a.origin.feedItemId}` : ''}`);
    expect(origins).toEqual([
      'corpus/notes-01.txt',
      'corpus/sub/wire.json#pc-1',
      'feeds/harbor.json#hg-77',
      'feeds/harbor.json#78',
      'feeds/lakeside.atom#tag:lakesideledger.org,2025:market-moves',
      'feeds/misleading.txt#https://www.pinecrestcourier.com/2025/snow-day',
      'feeds/northwind.xml#nwt-1001',
      'feeds/northwind.xml#https://news.northwindtimes.com/2025/03/05/dredging.html',
      'html/night-market.htm',
      'html/tram-page.html',
      'text/ferry-footer.txt',
      'text/library-headline.txt',
      'text/market-straight.txt',
      'text/orphan.txt',
    ]);
  });

  it('reports every bad input once, with a reason', () => {
    expect(result.failures.map((f) => [f.path.slice(FIXTURES.length), f.reason])).toEqual([
      ['bad/broken-feed.json', expect.stringMatching(/^JSON Feed is not valid JSON \(.+\); check that the file is complete$/)],
      ['bad/broken.xml', expect.stringMatching(/^item "Half an item" has no body text \(feed recovered: not well-formed XML .+\)$/)],
      ['feeds/missing.xml', 'no such file or directory (listed in subscriptions.opml)'],
      ['feeds/northwind.xml', 'item "Photo Gallery: Spring Thaw" has no body text'],
      ['html/empty-page.html', 'page "Coming Soon" has no body text'],
      ['text/title-only.txt', 'article "A Headline With Nothing Under It" has no body text'],
    ]);
  });

  it('borrows the URL of a feed item with the same title, whatever the apostrophe style', () => {
    const ferry = result.articles.find((a) => a.origin.path.endsWith('ferry-footer.txt'));
    expect(ferry?.title).toBe('Gull Island’s Ferry Returns to Full Schedule After Storm Repairs');
    expect(ferry?.url).toBe('https://news.northwindtimes.com/2025/03/06/ferry-returns.html');
    expect(ferry?.publisher).toBe('northwindtimes');
    expect(ferry?.publisherName).toBe('Northwind Times');
    expect(ferry?.syndicatedFrom).toBe('Northwind Times');
    const market = result.articles.find((a) => a.origin.path.endsWith('market-straight.txt'));
    expect(market?.url).toBe('https://www.lakesideledger.org/news/market-moves');
    expect(market?.publisher).toBe('lakesideledger');
  });

  it('gives a copy that borrowed a feed item’s URL an id of its own, so dedupe can record it as a copy', () => {
    const copy = result.articles.find((a) => a.origin.path.endsWith('ferry-footer.txt'))!;
    const item = result.articles.find((a) => a.url === copy.url && a !== copy);
    expect(item?.origin.kind).not.toBe('text');
    expect(copy.id).not.toBe(item?.id);
    expect(item?.id).toBe(articleId(copy.url, item!.publisher, '', ''));
  });

  it('turns feed items into articles with publisher from the link and name from the feed title', () => {
    const dredging = byTitle('Council Approves Harbor Dredging');
    expect(dredging).toMatchObject({
      url: 'https://news.northwindtimes.com/2025/03/05/dredging.html',
      byline: ['Jonah Price'],
      published: '2025-03-05T09:00:00.000Z',
      publisher: 'northwindtimes',
      publisherName: 'Northwind Times',
      text: 'The council voted 6 to 1 to dredge the inner harbor.\n\nWork starts in May.',
      origin: { kind: 'rss', feedItemId: 'https://news.northwindtimes.com/2025/03/05/dredging.html' },
    });
    expect(dredging?.id).toBe(createHash('sha256').update('https://news.northwindtimes.com/2025/03/05/dredging.html').digest('hex').slice(0, 16));
  });

  it('turns an HTML page into an article with its canonical URL and metadata', () => {
    expect(byTitle('Tram Line Extension Opens to Riverside')).toMatchObject({
      url: 'https://news.example-times.com.au/2025/06/tram-extension',
      byline: ['Chloe Tan', 'Marcus Reid'],
      published: '2025-06-09T22:00:00.000Z',
      publisher: 'example-times',
      publisherName: 'Example Times',
      lang: 'en-AU',
      origin: { kind: 'html' },
    });
  });

  it('keeps a same-site canonical link as the saved page\'s address, without a separate canonicalUrl', () => {
    // og:url carries ?utm_source=feed; the canonical link is the clean spelling of the same page.
    expect(byTitle('Tram Line Extension Opens to Riverside')?.canonicalUrl).toBeUndefined();
  });

  it('takes the slug the footer publisher uses on its own URLs in the run, else "unknown", and explains the missing URL', () => {
    // The fixture folder holds Harbor Gazette pages on harborgazette.com: the footer name maps to that slug.
    const night = byTitle('Night Market Returns to the Waterfront');
    expect(night).toMatchObject({ url: '', publisher: 'harborgazette', publisherName: 'Harbor Gazette' });
    const orphan = byTitle('Harbor Seals Return to the Breakwater');
    expect(orphan).toMatchObject({ url: '', publisher: 'unknown', publisherName: 'unknown' });
    expect(orphan?.id).toBe(articleId('', 'unknown', orphan?.title ?? '', orphan?.text ?? ''));
    // Four files of the folder have no URL: one note for them, naming the first three in reading order.
    expect(result.notices).toContain(
      '4 article files have no URL; pass --url (one file) or list them in a feed (notes-01.txt, night-market.htm, library-headline.txt, …)',
    );
    expect(result.notices).toContain(
      `${fixture('subscriptions.opml')}: https://wire.example.org/feed.xml: fetching remote feeds is not supported yet; save the feed and pass the file`,
    );
  });
});

describe('ingest of a single file', () => {
  it('uses --url for a text article and derives publisher and id from it', async () => {
    const url = 'https://harborgazette.org/2025/seals';
    const { articles, notices, failures } = await ingest([fixture('text/orphan.txt')], { url });
    expect(failures).toEqual([]);
    expect(notices).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ url, publisher: 'harborgazette', publisherName: 'harborgazette' });
    expect(articles[0]?.id).toBe(articleId(url, '', '', ''));
  });

  it('gives the same ids on every run', async () => {
    const first = await ingest([fixture('text'), fixture('feeds')]);
    const second = await ingest([fixture('feeds'), fixture('text')]);
    expect(second.articles.map((a) => a.id)).toEqual(first.articles.map((a) => a.id));
    expect(first.articles.every((a) => /^[0-9a-f]{16}$/.test(a.id))).toBe(true);
  });

  it('reports what a truncated feed lacks as a failure, not an exception', async () => {
    const { articles, failures } = await ingest([fixture('bad/broken.xml')]);
    expect(articles).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.path).toBe(fixture('bad/broken.xml'));
  });
});

// Beside the repository, or beside the folder of work trees when the repository is one of them.
const seed = findShared('seeds', 'article.txt');

describe.skipIf(seed === undefined)('ingest of the seed article (../shared/seeds absent)', () => {
  it('reads title, publisher name and a body without the footer', async () => {
    const { articles, failures } = await ingest([seed!]);
    expect(failures).toEqual([]);
    const article = articles[0];
    expect(article?.title).toBe('U.S. and Mexico Vow to Fight Crime While Respecting Sovereignty');
    expect(article?.publisherName).toBe('New York Times');
    expect(article?.syndicatedFrom).toBe('New York Times');
    expect(article?.publisher).toBe('new-york-times');
    expect(article?.text).not.toMatch(/appeared first on/);
    expect(article?.text.endsWith('for The Times.')).toBe(true);
  });

  it('takes its publisher slug from --url when given', async () => {
    const url = 'https://www.nytimes.com/2025/09/03/world/americas/rubio-mexico-sheinbaum.html';
    const { articles } = await ingest([seed!], { url });
    expect(articles[0]?.publisher).toBe('nytimes');
    expect(articles[0]?.publisherName).toBe('New York Times');
  });
});

describe('rel=canonical on HTML pages', () => {
  const COPY = fileURLToPath(new URL('../../test/fixtures/cluster-store/canonical/partner-copy.html', import.meta.url));
  const ORIGINAL_URL = 'https://brackenfordcourier.com/news/2026/03/10/wend-footbridge-closed-after-crack-found';

  it('gives a saved copy its own og:url and keeps the other publisher it declares as canonicalUrl', async () => {
    const { articles } = await ingest([COPY]);
    expect(articles[0]).toMatchObject({
      url: 'https://harrowdalepost.co.uk/partners/brackenford/wend-footbridge-closed',
      canonicalUrl: ORIGINAL_URL,
      publisher: 'harrowdalepost',
    });
  });

  it('keeps the address a page was read from as its url', async () => {
    const url = 'https://harrowdalepost.co.uk/p/8812?utm_source=newsletter';
    const { articles } = await ingest([COPY], { url });
    expect(articles[0]).toMatchObject({ url, canonicalUrl: ORIGINAL_URL, publisher: 'harrowdalepost' });
    expect(articles[0]?.id).toBe(articleId(url, 'harrowdalepost', '', ''));
  });
});

describe('ingest in batches', () => {
  it('hands over the articles that waited for the whole run in batches of the same size, in reading order', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-ingest-batches-'));
    // Syndicated copies that name their publisher but carry no URL: each waits for the run's end, in
    // case a page of the run gives that publisher's slug.
    for (let i = 1; i <= 5; i++) {
      const title = `Ferry timetable change number ${i}`;
      writeFileSync(join(folder, `copy-${i}.txt`), `${title}\n\nThe ferry to Gull Island leaves at ${6 + i} o’clock from Monday, the operator said.\n\nThe post ${title} appeared first on Tidewater Courier.\n`);
    }
    const batches: string[][] = [];
    await ingestInBatches([folder], { batchDocuments: 2 }, (articles) => void batches.push(articles.map((a) => a.title)));
    expect(batches).toEqual([
      ['Ferry timetable change number 1', 'Ferry timetable change number 2'],
      ['Ferry timetable change number 3', 'Ferry timetable change number 4'],
      ['Ferry timetable change number 5'],
    ]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives the same articles, batches and publisher slugs when the waiting drafts go through a temporary file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-ingest-waiting-'));
    for (let i = 1; i <= 5; i++) {
      const title = `Ferry timetable change number ${i}`;
      writeFileSync(join(folder, `copy-${i}.txt`), `${title}\n\nThe ferry to Gull Island leaves at ${6 + i} o’clock from Monday, the operator said.\n\nThe post ${title} appeared first on Tidewater Courier.\n`);
    }
    // Read after the copies (path order): its URL gives Tidewater Courier's slug, which the waiting copies take.
    writeFileSync(
      join(folder, 'page.html'),
      `<!doctype html><html lang="en"><head><title>Ferry fares rise</title><link rel="canonical" href="https://www.tidewatercourier.example/news/ferry-fares">
<meta property="og:site_name" content="Tidewater Courier"></head><body><article><h1>Ferry fares rise</h1>
<p>Fares on the Gull Island ferry rise by a dollar from Monday, the operator said on Friday in a statement.</p>
<p>Passengers with a season card keep the old fare until its end, the statement added.</p></article></body></html>`,
    );
    const read = async (waitingInMemory: number) => {
      const batches: Array<Array<{ title: string; publisher: string; id: string; text: string }>> = [];
      await ingestInBatches([folder], { batchDocuments: 2, waitingInMemory }, (articles) =>
        void batches.push(articles.map(({ title, publisher, id, text }) => ({ title, publisher, id, text }))),
      );
      return batches;
    };
    // The temporary files go to a folder of the test's own, so that no other test's are counted.
    const temp = ownTempFolder();
    let inMemory: Awaited<ReturnType<typeof read>>;
    let spilled: Awaited<ReturnType<typeof read>>;
    try {
      inMemory = await read(100);
      spilled = await read(1);
      expect(readdirSync(temp.path)).toEqual([]);
      // A reading that fails while the waiting drafts come back leaves no file behind either.
      await expect(
        ingestInBatches([folder], { batchDocuments: 2, waitingInMemory: 1 }, (articles) => {
          if (articles.some((a) => a.title.startsWith('Ferry timetable change number 1'))) throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      expect(readdirSync(temp.path)).toEqual([]);
    } finally {
      temp.restore();
    }
    expect(spilled).toEqual(inMemory);
    const copies = inMemory.flat().filter((a) => a.title.startsWith('Ferry timetable'));
    const page = inMemory.flat().find((a) => a.title === 'Ferry fares rise')!;
    expect(copies).toHaveLength(5);
    expect(copies.every((a) => a.publisher === page.publisher && a.publisher !== 'unknown')).toBe(true);
    // Copies 1–4 waited for the page and come after it, two to a batch; copy 5 is read in the page's batch.
    expect(inMemory.map((batch) => batch.map((a) => a.title))).toEqual([
      ['Ferry timetable change number 5', 'Ferry fares rise'],
      ['Ferry timetable change number 1', 'Ferry timetable change number 2'],
      ['Ferry timetable change number 3', 'Ferry timetable change number 4'],
    ]);
    rmSync(folder, { recursive: true, force: true });
  });
});

describe('ingest notes on files without a URL', () => {
  it('gives one note for many such files, naming the first few, and the file’s own note for one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-ingest-no-url-'));
    for (let i = 1; i <= 5; i++) writeFileSync(join(folder, `brief-${i}.txt`), `Harbor brief number ${i}\n\nThe harbor office opened berth ${i} to small boats on Monday, a clerk said.\n`);
    const many = await ingest([folder]);
    expect(many.articles).toHaveLength(5);
    expect(many.notices.filter((n) => n.includes('URL'))).toEqual([
      '5 article files have no URL; pass --url (one file) or list them in a feed (brief-1.txt, brief-2.txt, brief-3.txt, …)',
    ]);
    const one = await ingest([join(folder, 'brief-2.txt')]);
    expect(one.notices).toEqual([`${join(folder, 'brief-2.txt')}: no URL known for "Harbor brief number 2"; pass --url when ingesting a single file`]);
    // The pattern that groups such notes again (from a queued run's jobs) reads this note back to its path.
    expect(NO_URL_NOTICE_RE.exec(one.notices[0]!)?.[1]).toBe(join(folder, 'brief-2.txt'));
    rmSync(folder, { recursive: true, force: true });
  });
});
