// `npm run bench:extract`: throughput (pages/second, MB/second, CPU ms/page) and peak RSS of newsdesk's
// extractor and of plain @mozilla/readability on linkedom and on jsdom, over the Readability test pages
// in ../shared/data/readability/, then the start-up time of `newsdesk extract` on one page.
//
// Each system runs in child processes of its own, so peak RSS and JIT state belong to that system alone.
// The machine this runs on is shared and noisy (±20% between identical runs), so the fast systems run in
// several rounds, interleaved (round 1: A B C, round 2: B C A, …) so a busy minute hits all of them, and
// the table reports each system's median round. CPU time (process.cpuUsage: user + system, all threads
// of the process, GC helpers included) is less sensitive to other processes than wall time.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/extract/index.js';
import { parseHTML } from '../src/vendor/linkedom.js';
import { baselineRunner, CASE_URL, loadCases, READABILITY_DIR } from '../eval/readability-cases.js';

const SYSTEMS = ['newsdesk', 'readability+linkedom', 'readability+newsdesk-linkedom', 'readability+jsdom'] as const;
type SystemName = (typeof SYSTEMS)[number];
/** Rounds per system; jsdom runs once: it is ten times slower and nowhere near the others. */
const ROUNDS = 5;
const SLOW_SYSTEMS: ReadonlySet<SystemName> = new Set(['readability+jsdom']);
/** Passes over the whole set per round: a few seconds per round, long enough for a stable rate. */
const PASSES = 2;
/** Spawns of the CLI for the start-up time; the median of an odd count is one real run. */
const STARTUP_SPAWNS = 9;
/** The page the start-up time is measured on: a demo page that ships with the package. */
const STARTUP_PAGE = fileURLToPath(new URL('../../examples/demo/pages/dailybriefhub-greyhaven-mill-jobs.html', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

interface Round {
  system: SystemName;
  pages: number;
  megabytes: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

async function runner(system: SystemName): Promise<(html: string) => void> {
  if (system === 'newsdesk') return (html) => void extractArticle(html, CASE_URL);
  // Plain Readability on the DOM newsdesk ships (scripts/bundle-vendor.mjs): how much of the difference
  // is the DOM and how much is the extractor.
  if (system === 'readability+newsdesk-linkedom') return (html) => void new Readability(parseHTML(html).document as never).parse();
  const run = await baselineRunner(system === 'readability+jsdom' ? 'jsdom' : 'linkedom');
  return (html) => void run(html, CASE_URL);
}

async function child(system: SystemName): Promise<Round> {
  const cases = loadCases();
  const run = await runner(system);
  run(cases[0]!.source); // warm-up: module loading and first compilation are not throughput
  const passes = SLOW_SYSTEMS.has(system) ? 1 : PASSES;
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  let bytes = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const page of cases) {
      run(page.source);
      bytes += page.bytes;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { system, pages: cases.length * passes, megabytes: bytes / 1e6, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function spawnChild(self: string, system: SystemName): Round | string {
  const result = spawnSync(process.execPath, [self, '--child', system], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) return result.stderr.split('\n').find((l) => l.trim()) ?? `exit ${result.status}`;
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Round;
}

/** Median wall seconds of `args` spawned STARTUP_SPAWNS times, interleaved with the other commands. */
function startupSeconds(commands: readonly (readonly string[])[]): number[] {
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < STARTUP_SPAWNS; i++) {
    commands.forEach((args, c) => {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.trim()}`);
      times[c]!.push(Number(process.hrtime.bigint() - started) / 1e9);
    });
  }
  return times.map(median);
}

function main(): number {
  const cases = loadCases();
  if (cases.length === 0) {
    process.stdout.write(`bench:extract skipped: no test pages in ${READABILITY_DIR}\n`);
    return 0;
  }
  const self = fileURLToPath(import.meta.url);
  const rounds = new Map<SystemName, Round[]>(SYSTEMS.map((s) => [s, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round, so no system always runs first (or right after the slowest).
    const order = SYSTEMS.map((_, i) => SYSTEMS[(i + round) % SYSTEMS.length]!).filter((s) => round === 0 || !SLOW_SYSTEMS.has(s));
    for (const system of order) {
      process.stderr.write(`bench:extract: round ${round + 1}/${ROUNDS}: ${system}…\n`);
      const result = spawnChild(self, system);
      if (typeof result === 'string') {
        process.stderr.write(`bench:extract: ${system} failed: ${result}\n`);
        return 1;
      }
      rounds.get(system)!.push(result);
    }
  }
  const lines = ['| system | rounds × pages | pages/s (median) | pages/s (min–max) | CPU ms/page (median) | MB/s | peak RSS MB |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const [system, list] of rounds) {
    const rates = list.map((r) => r.pages / r.seconds);
    const cpu = median(list.map((r) => (r.cpuSeconds * 1000) / r.pages));
    const mbPerSecond = median(list.map((r) => r.megabytes / r.seconds));
    const cells = [system, `${list.length} × ${list[0]!.pages}`, median(rates).toFixed(1), `${Math.min(...rates).toFixed(1)}–${Math.max(...rates).toFixed(1)}`, cpu.toFixed(1), mbPerSecond.toFixed(2), Math.max(...list.map((r) => r.peakRssMb)).toFixed(0)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  process.stdout.write(`${cases.length} pages from ${READABILITY_DIR}; ${PASSES} passes per round, ${ROUNDS} interleaved rounds (jsdom: 1 pass, 1 round), one child process per system and round\n\n${lines.join('\n')}\n`);

  process.stderr.write('bench:extract: start-up…\n');
  const [extract, bare] = startupSeconds([[CLI, 'extract', STARTUP_PAGE], ['-e', '0']]);
  process.stdout.write(`\nstart-up, median of ${STARTUP_SPAWNS} spawns (wall): \`newsdesk extract ${STARTUP_PAGE.replace(/.*\/examples\//, 'examples/')}\` ${extract!.toFixed(3)} s; \`node -e 0\` ${bare!.toFixed(3)} s\n`);
  return 0;
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const measurement = await child(process.argv[childIndex + 1] as SystemName);
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  process.exitCode = main();
}
