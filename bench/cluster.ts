// `npm run bench:cluster`: dedupe + story clustering on 1k, 10k and 100k generated articles, in memory.
// Each size runs in its own child process so that peak RSS belongs to that size alone.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/model.js';
import { syntheticArticles } from './corpus.js';
import { parseTextArticle } from '../src/ingest/text-article.js';
import { slugifyPublisherName } from '../src/extract/publisher.js';
import { findDuplicates } from '../src/dedupe/index.js';
import { clusterStories } from '../src/cluster/index.js';

const SIZES = [1_000, 10_000, 100_000];
/**
 * V8 heap cap for each child, in MB. Still needed: without one V8 lets garbage pile up towards its
 * multi-gigabyte default before collecting, and even at 900 it grows the heap well past the ~520 MB the
 * 100k run keeps live (corpus included), so peak RSS showed V8's slack rather than what the run needs.
 * 700 leaves the live set over 150 MB of room and makes V8 collect instead. The CLI can be given the same
 * cap through NODE_OPTIONS.
 */
const HEAP_CAP_MB = 700;
/** Paragraphs per generated article: 4 × 3 sentences is about 330 words, the length of a wire story. */
const PARAGRAPHS = 4;
/**
 * Typographic quotation marks, as real news has them. They make V8 store every text as a two-byte string,
 * so the in-memory corpus (counted in peak RSS) is as large as it would be with real articles.
 */
const QUOTES = ['“', '”'] as const;

interface Measurement {
  articles: number;
  seconds: number;
  /** User + system CPU seconds of the timed part: what the work costs when other processes share the cores. */
  cpuSeconds: number;
  dedupeSeconds: number;
  perSecond: number;
  peakRssMb: number;
  copies: number;
  stories: number;
}

function articlesOf(size: number): Article[] {
  const articles: Article[] = [];
  for (const generated of syntheticArticles(size, 42, PARAGRAPHS, QUOTES)) {
    const draft = parseTextArticle(generated.text);
    articles.push({
      id: `a${generated.index}`,
      url: '',
      title: draft.title,
      byline: draft.byline,
      published: generated.published,
      publisher: slugifyPublisherName(generated.publisher),
      publisherName: generated.publisher,
      text: draft.text,
      ...(draft.publisherName ? { syndicatedFrom: draft.publisherName } : {}),
      origin: { path: `generated/${generated.index}`, kind: 'text' },
      warnings: [],
    });
  }
  return articles;
}

function measure(size: number): Measurement {
  const articles = articlesOf(size);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const duplicates = findDuplicates(articles);
  const deduped = process.hrtime.bigint();
  const copies = new Set(duplicates.flatMap((g) => g.duplicateIds));
  const stories = clusterStories(articles.filter((a) => !copies.has(a.id)), new Map(duplicates.map((g) => [g.originalId, g.duplicateIds])));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return {
    cpuSeconds: (used.user + used.system) / 1e6,
    articles: articles.length,
    seconds,
    dedupeSeconds: Number(deduped - started) / 1e9,
    perSecond: articles.length / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    copies: copies.size,
    stories: stories.length,
  };
}

const child = process.argv[2];
if (child) {
  process.stdout.write(JSON.stringify(measure(Number(child))));
} else {
  const self = fileURLToPath(import.meta.url);
  const results: Measurement[] = [];
  console.log('newsdesk bench:cluster (generated ~330-word articles with typographic quotes, in memory; timed: dedupe + cluster; peak RSS includes the corpus)');
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log(' articles   seconds   CPU s   dedupe s   articles/s   per CPU s   peak RSS MB   copies   stories');
  for (const size of SIZES) {
    const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, self, String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) {
      console.error(`bench:cluster: the ${size}-article run failed:\n${run.stderr}`);
      process.exit(1);
    }
    const m = JSON.parse(run.stdout) as Measurement;
    results.push(m);
    console.log(
      `${String(m.articles).padStart(9)}  ${m.seconds.toFixed(2).padStart(8)}  ${m.cpuSeconds.toFixed(1).padStart(6)}  ${m.dedupeSeconds.toFixed(2).padStart(9)}  ${m.perSecond.toFixed(0).padStart(11)}  ${(m.articles / m.cpuSeconds).toFixed(0).padStart(10)}  ${m.peakRssMb.toFixed(0).padStart(12)}  ${String(m.copies).padStart(7)}  ${String(m.stories).padStart(8)}`,
    );
  }
  const ten = results.find((m) => m.articles === 10_000);
  const hundred = results.find((m) => m.articles === 100_000);
  if (ten && hundred) {
    console.log(`time(100k)/time(10k) = ${(hundred.seconds / ten.seconds).toFixed(2)} wall, ${(hundred.cpuSeconds / ten.cpuSeconds).toFixed(2)} CPU (10 = linear; target ≤ 12)`);
  }
}
