import { describe, expect, it } from 'vitest';
import { articleShingles, dedupeItem, findDuplicates, groupDuplicates, groupDuplicatesPaged } from './index.js';
import { syntheticArticles } from '../../bench/corpus.js';
import { canonicalUrl } from './url.js';
import { bandKeys, jaccard, minhash, normalizedWords, shingleHashes } from './fingerprint.js';
import { makeArticle } from '../../test/helpers/articles.js';

const FERRY = [
  'The Port Halley ferry board voted 5 to 2 on Tuesday to replace the aging Gull Island boat with an electric vessel by 2028.',
  'The new boat will cost $14.5 million, most of it covered by a state transport grant awarded last spring.',
  '“We have patched the old hull for a decade, and the patches now need patches,” said Irene Vasko, the board chair.',
  'Two members voted against the plan, saying the charging dock at Pier 4 has not been designed yet.',
  'Commuters who rely on the 6:40 a.m. crossing said they welcomed the change but worried about service gaps during the transition.',
  'The board will hold a public hearing on the construction schedule in January.',
].join('\n\n');

describe('canonicalUrl', () => {
  it('drops tracking parameters, fragments, default www and trailing slashes', () => {
    expect(canonicalUrl('HTTP://www.HarborGazette.com/news/ferry/?utm_source=x&id=3&fbclid=abc#top')).toBe(
      'https://harborgazette.com/news/ferry?id=3',
    );
  });
  it('returns an empty string for what is not an http(s) URL', () => {
    expect(canonicalUrl('mailto:desk@harborgazette.com')).toBe('');
    expect(canonicalUrl('not a url')).toBe('');
  });
});

describe('findDuplicates', () => {
  it('groups a syndicated copy with its original and keeps the publisher its footer names', () => {
    const original = makeArticle({ id: 'a1', title: 'Ferry board picks electric boat', text: FERRY, publisher: 'harborgazette', publisherName: 'Harbor Gazette', published: '2026-11-22T10:00:00Z' });
    const copy = makeArticle({ id: 'a0', title: 'Ferry board picks electric boat', text: FERRY, publisher: 'coastaldigest', publisherName: 'Coastal Digest', syndicatedFrom: 'Harbor Gazette', published: '2026-11-22T09:00:00Z' });
    const groups = findDuplicates([copy, original]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.originalId).toBe('a1');
    expect(groups[0]!.duplicateIds).toEqual(['a0']);
    expect(groups[0]!.reason).toMatch(/identical text/);
    expect(groups[0]!.reason).toMatch(/named by the syndication footer/);
  });

  it('finds a near copy with a new headline and an added paragraph, and keeps the earliest', () => {
    const first = makeArticle({ id: 'b1', title: 'Electric ferry approved', text: FERRY, published: '2026-11-22T08:00:00Z' });
    const later = makeArticle({
      id: 'b2',
      title: 'Gull Island boat to be replaced',
      text: `${FERRY}\n\nThis article was updated to include the date of the hearing.`,
      publisher: 'islandwire',
      publisherName: 'Island Wire',
      published: '2026-11-22T12:00:00Z',
    });
    const groups = findDuplicates([later, first]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.originalId).toBe('b1');
    expect(groups[0]!.reason).toMatch(/near-identical|contains/);
    expect(groups[0]!.reason).toMatch(/published first/);
  });

  it('does not group two different articles about the same event', () => {
    const other = makeArticle({
      id: 'c2',
      title: 'Ferry riders brace for a long changeover',
      text: [
        'Riders of the Gull Island ferry spent Wednesday morning asking what the board’s vote means for their commute.',
        'Marta Lind, who crosses every weekday, said she feared the replacement would take longer than promised.',
        '“Every project on this waterfront has run late,” Ms. Lind said while waiting at the terminal.',
        'The board chair has said the electric boat should arrive in 2028, and that the old vessel will stay in service until then.',
      ].join('\n\n'),
    });
    const groups = findDuplicates([makeArticle({ id: 'c1', title: 'Ferry board picks electric boat', text: FERRY }), other]);
    expect(groups).toEqual([]);
  });

  it('groups two articles that share a canonical URL', () => {
    const a = makeArticle({ id: 'd1', title: 'A', text: 'One text about the harbor.', url: 'https://www.harborgazette.com/a?utm_medium=rss' });
    const b = makeArticle({ id: 'd2', title: 'B', text: 'A different text entirely, about the library.', url: 'https://harborgazette.com/a/' });
    const groups = findDuplicates([a, b]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.reason).toMatch(/same canonical URL/);
  });
});

describe('choice of the original', () => {
  const base = { title: 'Ferry board picks electric boat', text: FERRY };
  it('passes over an aggregator that carried the text first', () => {
    const hub = makeArticle({ ...base, id: 'h1', publisher: 'newshubnow', publisherName: 'NewsHub Now', published: '2026-11-22T08:00:00Z' });
    const paper = makeArticle({ ...base, id: 'p1', publisher: 'harborgazette', publisherName: 'Harbor Gazette', published: '2026-11-22T09:00:00Z' });
    const [group] = findDuplicates([hub, paper]);
    expect(group?.originalId).toBe('p1');
    expect(group?.reason).toMatch(/not syndicated or on an aggregator/);
  });

  it('prefers the rel=canonical target named by its copies', () => {
    const url = 'https://harborgazette.com/ferry';
    const target = makeArticle({ ...base, id: 't1', url, publisher: 'harborgazette', published: '2026-11-22T11:00:00Z' });
    const mirror = makeArticle({ ...base, id: 'm1', url: 'https://mirror.example/ferry', canonicalUrl: url, publisher: 'mirror', published: '2026-11-22T07:00:00Z' });
    const [group] = findDuplicates([mirror, target]);
    expect(group?.originalId).toBe('t1');
    expect(group?.reason).toMatch(/rel=canonical target/);
  });

  it('still finds the target when it declares itself canonical, as most pages do, under a tracking-parameter URL', () => {
    const url = 'https://harborgazette.com/ferry';
    const target = makeArticle({ ...base, id: 't1', url: `${url}?utm_source=rss`, canonicalUrl: url, publisher: 'harborgazette', published: '2026-11-22T11:00:00Z' });
    const mirror = makeArticle({ ...base, id: 'm1', url: 'https://mirror.example/ferry', canonicalUrl: url, publisher: 'mirror', published: '2026-11-22T07:00:00Z' });
    const [group] = findDuplicates([mirror, target]);
    expect(group).toMatchObject({ originalId: 't1', duplicateIds: ['m1'] });
    expect(group?.reason).toMatch(/rel=canonical target/);
  });

  it('finds a copy with a reworded sentence and an added paragraph, and not an article that shares only its lead', () => {
    const paragraphs = FERRY.split('\n\n');
    const edited = [...paragraphs.slice(0, 2), paragraphs[2]!.replace('the board chair', 'who chairs the board'), ...paragraphs.slice(3), 'Gull Island residents can comment by mail.'].join('\n\n');
    const leadOnly = [paragraphs[0]!, 'Across the bay, the Heron Cay ferry still runs on a 1979 diesel engine, and the county has no plan to replace it before the end of the decade, officials said on Wednesday.', 'Harbor commissioner Beatrice Yoon said she had asked whether the new design could be reused for the smaller crossing.'].join('\n\n');
    const a = makeArticle({ ...base, id: 'a', published: '2026-11-22T09:00:00Z' });
    const b = makeArticle({ ...base, id: 'b', text: edited, publisher: 'valleyledger', published: '2026-11-22T10:00:00Z' });
    const c = makeArticle({ ...base, id: 'c', text: leadOnly, publisher: 'lakeshoredispatch', published: '2026-11-22T11:00:00Z' });
    const groups = findDuplicates([a, b, c]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ originalId: 'a', duplicateIds: ['b'] });
  });
});

describe('MinHash signatures', () => {
  it('agree in about the share of positions that the shingle sets overlap (Jaccard)', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const a = shingleHashes(words.slice(0, 300));
    const b = shingleHashes(words.slice(100, 400));
    const exact = jaccard(a, b);
    const [sa, sb] = [minhash(a), minhash(b)];
    const agree = sa.filter((v, i) => v === sb[i]).length / sa.length;
    expect(exact).toBeCloseTo(196 / 396, 6);
    expect(Math.abs(agree - exact)).toBeLessThan(0.2);
    expect(minhash(a)).toEqual(sa);
  });
});

describe('normalizedWords', () => {
  it('reads runs of letters and digits, lowercased and NFKC-normalized, whatever the punctuation', () => {
    expect(normalizedWords('Café “Vela” — 2,5 km, at 9:40.')).toEqual(['café', 'vela', '2', '5', 'km', 'at', '9', '40']);
    // A combining accent is composed into its letter; a ligature and full-width forms become plain letters.
    expect(normalizedWords('Cafe\u0301 ﬁne Ａｂｃ１２')).toEqual(['café', 'fine', 'abc12']);
    // A letter outside the Basic Multilingual Plane stays inside its word; an emoji or a lone surrogate splits.
    expect(normalizedWords('a\u{10400}b a🚢b a\ud83db')).toEqual(['a\u{10428}b', 'a', 'b', 'a', 'b']);
    expect(normalizedWords(' — ')).toEqual([]);
  });
});

describe('groupDuplicatesPaged', () => {
  // 1,500 generated articles with syndicated copies and rewrites among them: hundreds of candidate pairs.
  const articles = [...syntheticArticles(1_500)].map((a) => {
    const [title, ...paragraphs] = a.text.trim().split('\n\n');
    return makeArticle({ id: `g${String(a.index).padStart(5, '0')}`, url: `https://${a.publisher}.example/${a.index}`, title: title!, text: paragraphs.join('\n\n'), publisher: a.publisher, publisherName: a.publisher, published: a.published });
  });
  const items = articles.map((a) => dedupeItem(a));
  const byId = new Map(articles.map((a) => [a.id, a]));

  it('finds the same groups, with the same reasons, as holding every shingle at once, reading a few texts per round', async () => {
    const whole = groupDuplicates(items, (id) => articleShingles(byId.get(id)!));
    expect(whole.length).toBeGreaterThan(20);
    const asked: string[][] = [];
    const paged = await groupDuplicatesPaged(
      items,
      async (ids) => {
        asked.push(ids);
        return new Map(ids.map((id) => [id, articleShingles(byId.get(id)!)]));
      },
      7,
    );
    expect(paged).toEqual(whole);
    expect(asked.length).toBeGreaterThan(10);
    // No round holds more than two articles per pair.
    expect(Math.max(...asked.map((ids) => ids.length))).toBeLessThanOrEqual(14);
  });

  it('says which article it has no text for', async () => {
    await expect(groupDuplicatesPaged(items, async () => new Map())).rejects.toThrow(/^dedupe: no text was found for article g\d{5}$/);
  });
});

describe('dedupeItem band keys', () => {
  it('are the article’s LSH keys, held as views of a shared buffer rather than a buffer each', () => {
    const texts = ['The ferry to Gull Island leaves at seven from Monday, the operator said on Friday.', 'The library on Harbor Street opens on Sundays from March, the council decided.'];
    const items = texts.map((text, i) => dedupeItem(makeArticle({ id: `b${i}`, title: `Item ${i}`, text })));
    items.forEach((item, i) => {
      expect([...item.bands]).toEqual([...Uint32Array.from(bandKeys(minhash(shingleHashes(normalizedWords(texts[i]!)))))]);
    });
    // A view of a chunk that holds thousands of articles' keys.
    for (const item of items) expect(item.bands.buffer.byteLength).toBeGreaterThan(item.bands.byteLength * 1000);
  });
});
