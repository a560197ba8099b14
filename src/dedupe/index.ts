// Dedupe: find copies and near-copies of one article and choose the original of each group.
import type { Article, ArticleMeta, DuplicateGroup } from '../model.js';
import { canonicalUrl } from './url.js';
import { bandKeys, containment, LSH_BANDS, exactFingerprint, jaccard, minhash, normalizedWords, shingleHashes } from './fingerprint.js';

/**
 * Shingle Jaccard at or above which two bodies are the same article. On the labelled pairs of
 * eval/cluster (`npm run eval:cluster` prints the curve) precision stays 1.0 from 0.2 up and recall is 1.0
 * up to 0.4: the closest non-copies (a rewrite that reuses a wire lead verbatim) reach 0.17, the furthest
 * copies (a reworded sentence, a dropped paragraph, a newsletter line) 0.49. 0.4 sits in that gap, more
 * than twice the highest non-copy, and keeps LSH candidate recall at 0.79 or better for real copies.
 */
export const NEAR_DUPLICATE_JACCARD = 0.4;
/** Containment that marks a copy with a paragraph added or removed, when the shorter text is long enough to mean it. */
export const NEAR_DUPLICATE_CONTAINMENT = 0.85;
/**
 * A band bucket holding more articles than this was filled by shared boilerplate (a common phrase whose
 * hash is the minimum in many texts), not by copies of one article; its pairs are not compared. A real copy
 * agrees in nearly every one of the LSH_BANDS bands, so it still meets its original in a small bucket, and
 * the number of pairs stays linear in the run's size.
 */
export const LSH_MAX_BUCKET = 50;
/** Fewest shingles a text needs before containment alone may call it a copy (a short quote is not a copy). */
const CONTAINMENT_MIN_SHINGLES = 40;

/**
 * What dedupe keeps of an article: all but its text, and the text's fingerprints: the canonical URL, the
 * hash of its words, its LSH band keys and how many shingles it has. A run takes this as it reads each
 * article; the shingles themselves are made again (DedupeShingles) only for the few articles whose bands
 * meet another's.
 */
export interface DedupeItem {
  article: ArticleMeta;
  url: string;
  exact: string;
  bands: Uint32Array;
  shingleCount: number;
}

/** The shingles of an article by id: the near-copy check reads them for the pairs LSH proposes. */
export type DedupeShingles = (articleId: string) => Uint32Array;

export function dedupeItem(article: Article, meta: ArticleMeta = withoutText(article)): DedupeItem {
  const { text } = article;
  const words = normalizedWords(text);
  const shingles = shingleHashes(words);
  return { article: meta, url: canonicalUrl(article.canonicalUrl || article.url), exact: exactFingerprint(words), bands: pooledBands(bandKeys(minhash(shingles))), shingleCount: shingles.length };
}

/** Band keys per shared chunk: 4,096 articles' worth, 384 KB. */
const BAND_CHUNK_KEYS = LSH_BANDS * 4_096;
let bandChunk = new Uint32Array(BAND_CHUNK_KEYS);
let bandChunkUsed = 0;

/**
 * An article's band keys as a view into a shared chunk. A run keeps them for every article it reads, and an
 * array of its own cost each article an ArrayBuffer and a native backing store besides its 96 bytes of keys
 * (about 6 MB for 10,000 articles, 2 MB as views). A chunk lives as long as any view of it.
 */
function pooledBands(keys: readonly number[]): Uint32Array {
  if (bandChunkUsed + keys.length > bandChunk.length) {
    bandChunk = new Uint32Array(Math.max(BAND_CHUNK_KEYS, keys.length));
    bandChunkUsed = 0;
  }
  const bands = bandChunk.subarray(bandChunkUsed, bandChunkUsed + keys.length);
  bands.set(keys);
  bandChunkUsed += keys.length;
  return bands;
}

function withoutText(article: Article): ArticleMeta {
  const { text: _text, ...meta } = article;
  return meta;
}

/** The shingles of an article's text, as dedupeItem took them. */
export function articleShingles(article: Pick<Article, 'text'>): Uint32Array {
  return shingleHashes(normalizedWords(article.text));
}

/** How many articles the groups mark as copies (originals not counted). */
export function countCopies(groups: readonly DuplicateGroup[]): number {
  return groups.reduce((n, g) => n + g.duplicateIds.length, 0);
}

export function findDuplicates(articles: Article[]): DuplicateGroup[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return groupDuplicates(articles.map((a) => dedupeItem(a)), (id) => articleShingles(byId.get(id)!));
}

/** Groups copies among `items` (see DedupeItem) and chooses each group's original. */
export function groupDuplicates(items: readonly DedupeItem[], shinglesOf: DedupeShingles): DuplicateGroup[] {
  const grouper = new DuplicateGrouper(items);
  const pairs = candidatePairs(items);
  for (let k = 0; k < pairs.length; k += 2) {
    const [a, b] = [pairs[k]!, pairs[k + 1]!];
    if (grouper.settled(a, b)) continue;
    grouper.compare(a, b, shinglesOf(items[a]!.article.id), shinglesOf(items[b]!.article.id));
  }
  return grouper.groups();
}

/** The shingles of the articles with these ids, read wherever they are (a run's stage, the store). */
export type LoadShingles = (articleIds: string[]) => Promise<Map<string, Uint32Array>>;

/**
 * Candidate pairs compared per round of groupDuplicatesPaged: the shingles of at most twice as many
 * articles are held at once, some 10 MB, however large the run.
 */
export const PAIRS_PER_ROUND = 2_000;

/**
 * groupDuplicates with the shingles read a round of pairs at a time, in the same order, so the groups and
 * their reasons are the same: holding every candidate's shingles took 175 MB of a 100,000-article run
 * (73,000 candidates of 2.4 KB each), a round's take about 10 MB. An article whose pairs fall in two
 * rounds is read twice, unless the rounds are next to each other.
 */
export async function groupDuplicatesPaged(items: readonly DedupeItem[], load: LoadShingles, pairsPerRound = PAIRS_PER_ROUND): Promise<DuplicateGroup[]> {
  const grouper = new DuplicateGrouper(items);
  const pairs = candidatePairs(items);
  let held = new Map<string, Uint32Array>();
  for (let start = 0; start < pairs.length; start += 2 * pairsPerRound) {
    const round = pairs.subarray(start, start + 2 * pairsPerRound);
    const needed = new Set<string>();
    for (let k = 0; k < round.length; k += 2) {
      if (grouper.settled(round[k]!, round[k + 1]!)) continue;
      needed.add(items[round[k]!]!.article.id);
      needed.add(items[round[k + 1]!]!.article.id);
    }
    const next = new Map<string, Uint32Array>();
    const missing: string[] = [];
    for (const id of needed) {
      const kept = held.get(id);
      if (kept) next.set(id, kept);
      else missing.push(id);
    }
    for (const [id, shingles] of await load(missing)) next.set(id, shingles);
    held = next;
    const shinglesOf = (id: string): Uint32Array => {
      const found = held.get(id);
      if (!found) throw new Error(`dedupe: no text was found for article ${id}`);
      return found;
    };
    for (let k = 0; k < round.length; k += 2) {
      const [a, b] = [round[k]!, round[k + 1]!];
      // Settled by an earlier pair of this round: not compared, as groupDuplicates would not compare it.
      if (grouper.settled(a, b)) continue;
      grouper.compare(a, b, shinglesOf(items[a]!.article.id), shinglesOf(items[b]!.article.id));
    }
  }
  return grouper.groups();
}

/** Every pair the LSH buckets propose, in the order both groupings compare them, as [a, b, a, b, …]. */
function candidatePairs(items: readonly DedupeItem[]): Uint32Array {
  const buckets = lshBuckets(items.map((item) => item.bands));
  let count = 0;
  for (const bucket of buckets) count += (bucket.length * (bucket.length - 1)) / 2;
  const pairs = new Uint32Array(2 * count);
  let at = 0;
  for (const bucket of buckets) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        pairs[at++] = bucket[x]!;
        pairs[at++] = bucket[y]!;
      }
    }
  }
  return pairs;
}

/**
 * Union-find over `items`: exact keys (URL, body hash) join at once; a candidate pair joins when its
 * shingles say near copy. Each pair is compared once, and not at all once its two are in one group.
 */
class DuplicateGrouper {
  private readonly parent: number[];
  private readonly why = new Map<number, string>();
  private readonly compared = new Set<number>();

  constructor(private readonly items: readonly DedupeItem[]) {
    this.parent = items.map((_, i) => i);
    // Exact keys first: URL and body hash.
    const byKey = new Map<string, number>();
    items.forEach((item, i) => {
      for (const [key, reason] of [
        [item.url && `url:${item.url}`, 'same canonical URL'],
        [`body:${item.exact}`, 'identical text'],
      ] as const) {
        if (!key) continue;
        const seen = byKey.get(key);
        if (seen === undefined) byKey.set(key, i);
        else this.union(seen, i, reason);
      }
    });
  }

  /** True when the pair was compared already or its two are in one group: it needs no shingles. */
  settled(a: number, b: number): boolean {
    return this.compared.has(a * this.items.length + b) || this.find(a) === this.find(b);
  }

  compare(a: number, b: number, sa: Uint32Array, sb: Uint32Array): void {
    this.compared.add(a * this.items.length + b);
    const j = jaccard(sa, sb);
    if (j >= NEAR_DUPLICATE_JACCARD) {
      this.union(a, b, `near-identical text (shingle Jaccard ${j.toFixed(2)})`);
    } else if (Math.min(sa.length, sb.length) >= CONTAINMENT_MIN_SHINGLES) {
      const c = containment(sa, sb);
      if (c >= NEAR_DUPLICATE_CONTAINMENT) this.union(a, b, `one text contains the other (containment ${c.toFixed(2)})`);
    }
  }

  groups(): DuplicateGroup[] {
    const groups = new Map<number, ArticleMeta[]>();
    this.items.forEach((item, i) => {
      const root = this.find(i);
      const members = groups.get(root);
      if (members) members.push(item.article);
      else groups.set(root, [item.article]);
    });
    const result: DuplicateGroup[] = [];
    for (const [root, members] of groups) {
      if (members.length < 2) continue;
      const { original, because } = chooseOriginal(members);
      result.push({
        originalId: original.id,
        duplicateIds: members.filter((m) => m !== original).map((m) => m.id).sort(),
        reason: `${this.why.get(root) ?? 'copies'}; original ${because}`,
      });
    }
    return result.sort((a, b) => a.originalId.localeCompare(b.originalId));
  }

  private find(i: number): number {
    const { parent } = this;
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  }

  private union(a: number, b: number, reason: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    this.parent[rb] = ra;
    this.why.set(ra, [this.why.get(ra), this.why.get(rb), reason].filter(Boolean).join('; '));
  }
}

/** Bits of a packed band entry that hold the article's index (up to 134 million articles). */
const INDEX_BITS = 27n;
const INDEX_MASK = (1n << INDEX_BITS) - 1n;

/**
 * The LSH buckets of two to LSH_MAX_BUCKET articles, in the order a Map of all buckets would list them
 * (by first member, then band), members ascending. Every article's band keys are packed with its index
 * into one BigUint64Array and sorted natively: a Map of a hundred thousand articles' 24 buckets, nearly
 * all holding one article, took some 200 MB, this takes 8 bytes per key.
 */
function lshBuckets(bands: Uint32Array[]): number[][] {
  const packed = new BigUint64Array(bands.length * LSH_BANDS);
  bands.forEach((keys, i) => {
    keys.forEach((key, band) => {
      packed[i * LSH_BANDS + band] = (BigInt(key) << INDEX_BITS) | BigInt(i);
    });
  });
  packed.sort();
  const found: Array<{ order: number; members: number[] }> = [];
  for (let start = 0; start < packed.length; ) {
    const key = packed[start]! >> INDEX_BITS;
    let end = start + 1;
    while (end < packed.length && packed[end]! >> INDEX_BITS === key) end++;
    if (end - start >= 2 && end - start <= LSH_MAX_BUCKET) {
      const members = Array.from(packed.subarray(start, end), (entry) => Number(entry & INDEX_MASK));
      found.push({ order: members[0]! * LSH_BANDS + Number(key % BigInt(LSH_BANDS)), members });
    }
    start = end;
  }
  return found.sort((a, b) => a.order - b.order).map((bucket) => bucket.members);
}

const nameKey = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Publishers that republish others' work rather than report: a documented list of slugs, plus names that
 * say so. A copy on one of them is never chosen as the original while a publisher's own copy exists.
 */
export const KNOWN_AGGREGATORS: ReadonlySet<string> = new Set([
  'msn', 'yahoo', 'aol', 'newsbreak', 'flipboard', 'smartnews', 'feedly', 'inoreader', 'newsnow', 'ground',
  'newshubnow', 'dailydigest',
]);
/** Name words that mark an aggregator ("NewsHub Now", "Daily Digest", "Headlines Roundup"). */
const AGGREGATOR_NAME = /aggregat|digest|roundup|newshub|headlines/i;

export function isAggregator(article: Pick<Article, 'publisher' | 'publisherName'>): boolean {
  return KNOWN_AGGREGATORS.has(article.publisher) || AGGREGATOR_NAME.test(article.publisherName) || AGGREGATOR_NAME.test(article.publisher);
}

/**
 * The rules, in order: the publisher a syndication footer names; the article the others declare as
 * canonical; among the rest, publishers that are neither syndicated copies nor aggregators; then the
 * earliest published; then the smallest id, so that the choice is stable.
 */
function chooseOriginal(members: ArticleMeta[]): { original: ArticleMeta; because: string } {
  const named = new Set(members.flatMap((m) => (m.syndicatedFrom ? [nameKey(m.syndicatedFrom)] : [])));
  const footerNamed = members.filter(
    (m) => !m.syndicatedFrom && (named.has(nameKey(m.publisherName)) || named.has(nameKey(m.publisher))),
  );
  if (footerNamed.length > 0) {
    const original = earliest(footerNamed);
    return { original, because: `is ${original.publisherName}, named by the syndication footer` };
  }
  // A page whose canonical is its own address (most pages declare one) points at nobody; one that names
  // another address says it is a copy of that page.
  const pointsAt = (m: ArticleMeta): string => {
    const target = m.canonicalUrl ? canonicalUrl(m.canonicalUrl) : '';
    return target === canonicalUrl(m.url) ? '' : target;
  };
  const declared = new Set(members.map(pointsAt).filter(Boolean));
  const targets = members.filter((m) => !pointsAt(m) && declared.has(canonicalUrl(m.url)));
  if (targets.length > 0) return { original: earliest(targets), because: 'is the rel=canonical target of its copies' };
  const own = members.filter((m) => !m.syndicatedFrom && !isAggregator(m));
  const pool = own.length > 0 ? own : members;
  const original = earliest(pool);
  const when = original.published ? `published first (${original.published})` : 'kept by stable order (no dates)';
  const excluded = members.length - own.length;
  return { original, because: own.length > 0 && excluded > 0 ? `${when} among the ${own.length} copies that are not syndicated or on an aggregator` : when };
}

function earliest<T extends ArticleMeta>(articles: T[]): T {
  return [...articles].sort(
    (a, b) => (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') || a.id.localeCompare(b.id),
  )[0]!;
}
