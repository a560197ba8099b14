// `npm run bench:summarize`: articles per second for a 1,000-word news article, ours beside Lead-3,
// in one process on one core. The article is built from the evaluation set's paragraphs (real news
// prose, with quotes and names) rather than random words, which would make sentence scoring unrealistic.
import { availableParallelism, loadavg } from 'node:os';
import type { Article } from '../src/model.js';
import { summarizeArticle } from '../src/summarize/index.js';
import { splitSentences } from '../src/text/sentences.js';
import { wordCount } from '../src/text/words.js';
import { lead3 } from '../eval/summarize/baselines.js';
import { loadEvalArticles } from '../eval/summarize/corpus.js';

/** The article size the target is stated for. */
const TARGET_WORDS = 1_000;
/** Runs before timing, so the JIT has compiled the hot paths a long-running pipeline would use. */
const WARMUP_RUNS = 200;
/** Timed runs per system: enough for a stable rate at a few hundred articles per second. */
const TIMED_RUNS = 2_000;

function thousandWordArticle(): Article {
  const paragraphs: string[] = [];
  let words = 0;
  for (const item of loadEvalArticles()) {
    for (const paragraph of item.text.split(/\n\s*\n/)) {
      if (words >= TARGET_WORDS) break;
      paragraphs.push(paragraph);
      words += wordCount(paragraph);
    }
  }
  const text = paragraphs.join('\n\n');
  return {
    id: 'bench',
    url: '',
    title: 'Benchmark article',
    byline: [],
    publisher: 'bench',
    publisherName: 'Bench',
    text,
    origin: { kind: 'text', path: 'bench' },
    warnings: [],
  } as Article;
}

interface Rate {
  /** Articles per wall-clock second. */
  wall: number;
  /**
   * Articles per second of CPU time this process used: what one core does when it is not shared. On
   * a loaded machine wall-clock rates fall with the load; CPU time does not (GC threads count too, so
   * this errs low).
   */
  cpu: number;
}

function rate(run: () => unknown): Rate {
  for (let i = 0; i < WARMUP_RUNS; i++) run();
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < TIMED_RUNS; i++) run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: TIMED_RUNS / seconds, cpu: TIMED_RUNS / ((cpu.user + cpu.system) / 1e6) };
}

const article = thousandWordArticle();
// Lead-3 gets the same sentence splitting ours does, so the comparison is the cost of choosing well.
const ours = rate(() => summarizeArticle(article));
const lead = rate(() => lead3(splitSentences(article.text)));
console.log(`newsdesk bench:summarize: one ${wordCount(article.text)}-word article, ${TIMED_RUNS} runs each after ${WARMUP_RUNS} warm-up runs, one core`);
console.log('system   articles/s (wall clock)   articles/s (per CPU second)');
console.log(`ours     ${ours.wall.toFixed(0).padStart(10)}                ${ours.cpu.toFixed(0).padStart(10)}`);
console.log(`lead-3   ${lead.wall.toFixed(0).padStart(10)}                ${lead.cpu.toFixed(0).padStart(10)}`);
// Rates are per wall-clock second: on a shared machine, a load above the core count lowers both.
console.log(`machine load ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores while measuring`);
