// Summarizing and auditing a run's articles on threads of their own (`summarize.threads`, off by default).
// Both are pure functions of an article and the summary settings, and together they are most of a run's
// CPU time (20 of 47 CPU seconds on 10,000 articles), so a batch is split over the threads while the run's
// own thread reads the next one (pipeline-batch.ts). The results are the same as on one thread, in the same
// order. Each thread has a heap of its own, so a run takes more memory this way (see the README's
// bench:pipeline rows). One pool per size serves the whole process (runs in `serve`, a queue worker's
// concurrent jobs); its threads end after POOL_IDLE_MS without work, or when a run has read its articles
// (releaseSummaryThreads).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from './model.js';
import type { SummaryOptions } from './summarize/options.js';
import { summarizeArticle } from './summarize/index.js';
import { gateSummary, type GatedSummary } from './audit/gate.js';

/**
 * Fewer articles than this are summarized on the caller's thread: a thread takes about a tenth of a second
 * to start, and the messages cost a little per article.
 */
export const THREADED_MIN_ARTICLES = 64;
/** A pool without work ends its threads after this long; the next large batch starts them again. */
const POOL_IDLE_MS = 10_000;

/** The one article's summary, audited and gated: what every batch does, on whichever thread. */
export function gatedSummaryOf(article: Article, options: Partial<SummaryOptions>): GatedSummary {
  return gateSummary(article, summarizeArticle(article, options));
}

/** A message to a summary thread, and its answer. */
export interface SummaryTask {
  id: number;
  articles: Article[];
  options: Partial<SummaryOptions>;
}
export type SummaryAnswer = { id: number; gated: GatedSummary[] } | { id: number; error: string };

/**
 * The articles' gated summaries, in their order: split over `threads` threads when that is more than one
 * and there are enough articles (and the compiled thread file is there), else made on this thread.
 */
export async function gatedSummaries(articles: Article[], options: Partial<SummaryOptions>, threads = 1): Promise<GatedSummary[]> {
  const pool = threads > 1 && articles.length >= THREADED_MIN_ARTICLES ? poolOf(threads) : undefined;
  if (!pool) return articles.map((article) => gatedSummaryOf(article, options));
  const share = Math.ceil(articles.length / threads);
  const parts: Array<Promise<GatedSummary[]>> = [];
  for (let start = 0; start < articles.length; start += share) parts.push(pool.run(articles.slice(start, start + share), options));
  return (await Promise.all(parts)).flat();
}

// Beside this module once compiled; from the TypeScript sources (tests), the compiled copy in dist/.
const THREAD_FILES = [new URL('./summary-thread.js', import.meta.url), new URL('../dist/src/summary-thread.js', import.meta.url)];

const pools = new Map<number, SummaryPool>();

/** Threads the process's pools have running now. */
export function runningSummaryThreads(): number {
  let count = 0;
  for (const pool of pools.values()) count += pool.running;
  return count;
}

/**
 * Ends the threads of every pool that has no task now, rather than after POOL_IDLE_MS: a run calls it once
 * its articles are summarized, so that the threads' heaps are not held through the stages that follow.
 */
export async function releaseSummaryThreads(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.release()));
}

function poolOf(size: number): SummaryPool | undefined {
  let pool = pools.get(size);
  if (!pool) {
    const file = THREAD_FILES.find((url) => existsSync(fileURLToPath(url)));
    if (!file) return undefined;
    pools.set(size, (pool = new SummaryPool(file, size)));
  }
  return pool;
}

interface Pending {
  resolve: (gated: GatedSummary[]) => void;
  reject: (error: Error) => void;
  thread: Worker;
}

class SummaryPool {
  private threads: Worker[] = [];
  get running(): number {
    return this.threads.length;
  }
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private next = 0;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: URL,
    private readonly size: number,
  ) {}

  run(articles: Article[], options: Partial<SummaryOptions>): Promise<GatedSummary[]> {
    clearTimeout(this.idle);
    if (this.threads.length === 0) this.threads = Array.from({ length: this.size }, () => this.start());
    const thread = this.threads[this.next++ % this.threads.length]!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, thread });
      // Held while it has work, so that the process waits for it; let go when idle.
      thread.ref();
      thread.postMessage({ id, articles, options } satisfies SummaryTask);
    });
  }

  private start(): Worker {
    const thread = new Worker(this.file);
    thread.unref();
    thread.on('message', (answer: SummaryAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer.gated);
      this.settle(thread);
    });
    const lost = (error: Error): void => {
      // A thread that dies takes its tasks with it: they fail, and the pool starts afresh next time.
      for (const [id, waiting] of this.pending) {
        if (waiting.thread !== thread) continue;
        this.pending.delete(id);
        waiting.reject(error);
      }
      this.threads = this.threads.filter((t) => t !== thread);
      if (this.threads.length < this.size) void this.stop();
    };
    thread.on('error', lost);
    thread.on('exit', (code) => lost(new Error(`a summary thread stopped (exit code ${code})`)));
    return thread;
  }

  /** After an answer: the thread is let go once it has no task, and the pool ends once none has. */
  private settle(thread: Worker): void {
    if (![...this.pending.values()].some((p) => p.thread === thread)) thread.unref();
    if (this.pending.size === 0) {
      this.idle = setTimeout(() => void this.stop(), POOL_IDLE_MS);
      this.idle.unref();
    }
  }

  /** Ends the threads now if none has a task. */
  async release(): Promise<void> {
    if (this.pending.size > 0) return;
    clearTimeout(this.idle);
    await this.stop();
  }

  private async stop(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
