// Garbage left by one stage of a run is collected before the next begins. V8 lets its heap grow to a multiple
// of what was live after its last full collection (up to four times while collecting is cheap), so a run
// whose live data is small, but which reads and renders thousands of texts, keeps the garbage of one stage
// while the next allocates its own. Measured on 10,000 articles (`npm run bench:pipeline`): peak RSS 364–425 MB
// without these collections, 300–316 MB with one at each stage end, at the same CPU time. Collecting more
// often (every ingest batch) saved little more and cost 60% more CPU: a forced collection resets V8's heap
// sizing, and hundreds of ordinary collections followed.
//
// Node offers no collection on demand without `--expose-gc`; the flag is set at run time and the collector
// taken from a fresh context, as test runners' leak detectors do. Should that fail, runs go on without it.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

function findCollector(): (() => void) | null {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * How far V8's heap may grow past what was live after its last full collection, in percent, once a run or a
 * worker starts. V8's own factor goes up to 300% while collecting is cheap: a 100,000-article run then kept
 * 800 MB of heap for 150 MB live during ingest (peak RSS 1,005 MB); bounded at 20%, 858 MB, and the run took
 * 272 s instead of 295 (a smaller heap, fewer pages touched). On 10,000 articles: 264–271 MB instead of
 * 280–283, at 7–17% more CPU (the collector runs more often over a small heap). Measured with
 * `npm run bench:pipeline`; 10% saved 30 MB more at 10,000 but its time varied by 20%.
 */
export const HEAP_GROWING_PERCENT = 20;

let growthBounded = false;

/** Bounds the heap's growth for the rest of the process (HEAP_GROWING_PERCENT); a no-op where V8 refuses. */
export function boundHeapGrowth(): void {
  if (growthBounded) return;
  growthBounded = true;
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // Runs go on with V8's own sizing.
  }
}

/**
 * The most full collections one releaseMemory makes. The first frees a stage's garbage but leaves what
 * survives spread over the pages that garbage shared; V8 moves survivors off such sparse pages only in the
 * collections that follow, a few megabytes each. Measured at the end of ingest on 30,000 articles: old space
 * 102 MB for 42 MB live after one collection, 69 after two, 56 after three, 55 after four (30–40 ms each).
 */
export const MAX_COLLECTIONS = 4;

/** Collections always made at a stage end: one to free, one to start moving survivors off sparse pages. */
const MIN_COLLECTIONS = 2;

/** A further collection that gave back less than this (bytes of committed heap) ends the series: the heap is compact. */
const COMPACT_ENOUGH_BYTES = 4 << 20;

/**
 * Collects the garbage of the part of a run that just ended and compacts what is left, collecting again
 * while that still gives back memory (MAX_COLLECTIONS); a no-op where the collector is out of reach.
 */
export function releaseMemory(): void {
  if (collector === undefined) collector = findCollector();
  if (!collector) return;
  let committed = getHeapStatistics().total_heap_size;
  for (let round = 0; round < MAX_COLLECTIONS; round++) {
    collector();
    const now = getHeapStatistics().total_heap_size;
    if (round + 1 >= MIN_COLLECTIONS && committed - now < COMPACT_ENOUGH_BYTES) return;
    committed = now;
  }
}
