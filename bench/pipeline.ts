// `npm run bench:pipeline [-- [--threads N] SIZES…]`: the whole pipeline, offline, on synthetic articles
// (default 1,000, 10,000 and 100,000), summarizing on N threads (summarize.threads, default 1). The corpus is written first; then each size runs in a child process of its own that
// only runs the pipeline, so peak RSS is that run's alone. CPU seconds are printed beside wall seconds: on a
// shared machine they vary less.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticCorpus } from './corpus.js';
import { runPipeline } from '../src/pipeline.js';
import { openSqliteStore } from '../src/store/index.js';
import { DEFAULT_CONFIG, runSettings } from '../src/config.js';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];

interface Measurement {
  articles: number;
  seconds: number;
  cpuSeconds: number;
  perSecond: number;
  peakRssMb: number;
  stories: number;
}

async function measure(work: string, threads: number): Promise<Measurement> {
  const store = openSqliteStore(join(work, 'bench.db'));
  const config = { ...DEFAULT_CONFIG, summarize: { ...DEFAULT_CONFIG.summarize, threads } };
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const { result } = await runPipeline({ inputs: [join(work, 'in')], outDir: join(work, 'out'), settings: runSettings(config), now: new Date().toISOString() }, store);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  await store.close();
  return {
    articles: result.heads.length,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    perSecond: result.heads.length / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    stories: result.stories.length,
  };
}

const child = process.argv[2] === '--child' ? process.argv[3] : undefined;
if (child) {
  process.stdout.write(JSON.stringify(await measure(child, Number(process.argv[4] ?? 1))));
} else {
  const args = process.argv.slice(2);
  const at = args.indexOf('--threads');
  const threads = at >= 0 ? Number(args.splice(at, 2)[1]) : 1;
  if (!Number.isInteger(threads) || threads < 1) {
    console.error('bench:pipeline: --threads takes a whole number ≥ 1');
    process.exit(2);
  }
  const sizes = args.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const self = fileURLToPath(import.meta.url);
  const results: Measurement[] = [];
  console.log(`newsdesk bench:pipeline (synthetic plain-text articles, ingest → publish, SQLite on disk, ${threads} summary thread${threads === 1 ? '' : 's'})`);
  console.log('articles   seconds   CPU s   articles/s   peak RSS MB   stories');
  for (const size of sizes.length > 0 ? sizes : DEFAULT_SIZES) {
    const work = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
    try {
      writeSyntheticCorpus(join(work, 'in'), size);
      const run = spawnSync(process.execPath, [self, '--child', work, String(threads)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (run.status !== 0) {
        // Ends after the work folder is removed (finally): a 100,000-article run leaves about 4 GB there.
        console.error(`bench:pipeline: the ${size}-article run failed:\n${run.stderr}`);
        process.exitCode = 1;
        break;
      }
      const m = JSON.parse(run.stdout) as Measurement;
      results.push(m);
      console.log(
        `${String(m.articles).padStart(8)}  ${m.seconds.toFixed(2).padStart(8)}  ${m.cpuSeconds.toFixed(1).padStart(6)}  ${m.perSecond.toFixed(0).padStart(11)}  ${m.peakRssMb.toFixed(0).padStart(12)}  ${String(m.stories).padStart(8)}`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1]!, results[i]!];
    console.log(`time(${b.articles})/time(${a.articles}) = ${(b.seconds / a.seconds).toFixed(2)} wall, ${(b.cpuSeconds / a.cpuSeconds).toFixed(2)} CPU (${(b.articles / a.articles).toFixed(1)} = linear)`);
  }
}
