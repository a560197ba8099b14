// `npm run bench:extract`: pages/second, MB/second and peak RSS of newsdesk's extractor and of plain
// @mozilla/readability on jsdom and on linkedom, over the Readability test pages in
// ../shared/data/readability/. Each system runs in a child process of its own, so peak RSS and JIT
// state belong to that system alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/extract/index.js';
import { baselineRunner, CASE_URL, loadCases, READABILITY_DIR } from '../eval/readability-cases.js';

const SYSTEMS = ['newsdesk', 'readability+linkedom', 'readability+jsdom'] as const;
type SystemName = (typeof SYSTEMS)[number];
/** Passes over the whole set: enough for a stable rate without making the slowest system take minutes. */
const PASSES = 2;

interface Measurement {
  system: SystemName;
  pages: number;
  megabytes: number;
  seconds: number;
  peakRssMb: number;
}

async function child(system: SystemName): Promise<Measurement> {
  const cases = loadCases();
  const run =
    system === 'newsdesk'
      ? (html: string) => void extractArticle(html, CASE_URL)
      : await baselineRunner(system === 'readability+jsdom' ? 'jsdom' : 'linkedom').then((r) => (html: string) => void r(html, CASE_URL));
  run(cases[0]!.source); // warm-up: module loading and first compilation are not throughput
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (const page of cases) {
      run(page.source);
      bytes += page.bytes;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { system, pages: cases.length * PASSES, megabytes: bytes / 1e6, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function main(): number {
  const cases = loadCases();
  if (cases.length === 0) {
    process.stdout.write(`bench:extract skipped: no test pages in ${READABILITY_DIR}\n`);
    return 0;
  }
  const self = fileURLToPath(import.meta.url);
  const rows: Measurement[] = [];
  for (const system of SYSTEMS) {
    process.stderr.write(`bench:extract: ${system}…\n`);
    const result = spawnSync(process.execPath, [self, '--child', system], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (result.status !== 0) {
      process.stderr.write(`bench:extract: ${system} failed: ${result.stderr.split('\n').find((l) => l.trim()) ?? result.status}\n`);
      return 1;
    }
    rows.push(JSON.parse(result.stdout.trim().split('\n').pop()!) as Measurement);
  }
  const lines = ['| system | pages | pages/s | MB/s | peak RSS MB |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    lines.push(`| ${r.system} | ${r.pages} | ${(r.pages / r.seconds).toFixed(1)} | ${(r.megabytes / r.seconds).toFixed(2)} | ${r.peakRssMb.toFixed(0)} |`);
  }
  process.stdout.write(`${cases.length} pages × ${PASSES} passes from ${READABILITY_DIR}, one child process per system\n\n${lines.join('\n')}\n`);
  return 0;
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const measurement = await child(process.argv[childIndex + 1] as SystemName);
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  process.exitCode = main();
}
