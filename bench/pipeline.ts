// `npm run bench:pipeline`: the whole pipeline, offline, on 1,000 and 10,000 synthetic articles.
// Each size runs in its own child process so that peak RSS belongs to that size alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticCorpus } from './corpus.js';
import { runPipeline } from '../src/pipeline.js';
import { openSqliteStore } from '../src/store/index.js';
import { DEFAULT_CONFIG, runSettings } from '../src/config.js';

const SIZES = [1_000, 10_000];

interface Measurement {
  articles: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  stories: number;
}

async function measure(size: number): Promise<Measurement> {
  const work = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
  try {
    writeSyntheticCorpus(join(work, 'in'), size);
    const store = openSqliteStore(join(work, 'bench.db'));
    const started = process.hrtime.bigint();
    const { result } = await runPipeline(
      { inputs: [join(work, 'in')], outDir: join(work, 'out'), settings: runSettings(DEFAULT_CONFIG), now: new Date().toISOString() },
      store,
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await store.close();
    return {
      articles: result.articles.length,
      seconds,
      perSecond: result.articles.length / seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      stories: result.stories.length,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const child = process.argv[2];
if (child) {
  process.stdout.write(JSON.stringify(await measure(Number(child))));
} else {
  const self = fileURLToPath(import.meta.url);
  const results: Measurement[] = [];
  console.log('newsdesk bench:pipeline (synthetic plain-text articles, ingest → publish, SQLite on disk)');
  console.log('articles   seconds   articles/s   peak RSS MB   stories');
  for (const size of SIZES) {
    const run = spawnSync(process.execPath, [self, String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) {
      console.error(`bench:pipeline: the ${size}-article run failed:\n${run.stderr}`);
      process.exit(1);
    }
    const m = JSON.parse(run.stdout) as Measurement;
    results.push(m);
    console.log(`${String(m.articles).padStart(8)}  ${m.seconds.toFixed(2).padStart(8)}  ${m.perSecond.toFixed(0).padStart(11)}  ${m.peakRssMb.toFixed(0).padStart(12)}  ${String(m.stories).padStart(8)}`);
  }
  const [small, large] = results;
  if (small && large) console.log(`time(10k)/time(1k) = ${(large.seconds / small.seconds).toFixed(2)} (10 = linear)`);
}
