// `npm run bench:audit`: summary sentences audited per second on ~1,000-word articles, in one process.
// Articles are built from the labelled evaluation cases (original fiction, real news prose with names,
// roles, numbers and quotes): consecutive case sources joined until about 1,000 words, audited with
// ten of their labelled summary sentences, the length of a typical summary.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ruleBackend } from '../src/audit/index.js';
import { wordCount } from '../src/text/words.js';

const CASES_DIR = fileURLToPath(new URL('../../eval/audit/cases/', import.meta.url));
const ARTICLE_WORDS = 1_000;
const SENTENCES_PER_SUMMARY = 10;
/** Long enough for the JIT to settle and timer noise to vanish. */
const MIN_SECONDS = 3;
const WARMUP_ROUNDS = 3;

interface Case {
  source: string;
  summary: { text: string }[];
}

const cases = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(join(CASES_DIR, f), 'utf8')) as Case);

const articles: { text: string; sentences: string[] }[] = [];
for (let start = 0; start < cases.length; start++) {
  const parts: string[] = [];
  const sentences: string[] = [];
  for (let i = start; wordCount(parts.join('\n')) < ARTICLE_WORDS; i++) {
    const c = cases[i % cases.length]!;
    parts.push(c.source.trim());
    sentences.push(...c.summary.map((s) => s.text));
  }
  articles.push({ text: parts.join('\n'), sentences: sentences.slice(0, SENTENCES_PER_SUMMARY) });
}

function round(): number {
  let n = 0;
  for (const a of articles) n += ruleBackend.auditSentences(a.sentences, ruleBackend.prepare(a.text)).length;
  return n;
}

for (let i = 0; i < WARMUP_ROUNDS; i++) round();
let sentences = 0;
let rounds = 0;
// CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
const cpuStarted = process.cpuUsage();
const started = process.hrtime.bigint();
let seconds = 0;
while (seconds < MIN_SECONDS) {
  sentences += round();
  rounds += 1;
  seconds = Number(process.hrtime.bigint() - started) / 1e9;
}
const cpuSeconds = cpuSecondsSince(cpuStarted);

// The same articles with the source prepared once and only the sentences timed: the cost per extra sentence.
const prepared = articles.map((a) => ({ source: ruleBackend.prepare(a.text), sentences: a.sentences }));
let sentencesOnly = 0;
const cpuStartedOnly = process.cpuUsage();
const startedOnly = process.hrtime.bigint();
let secondsOnly = 0;
while (secondsOnly < MIN_SECONDS) {
  for (const p of prepared) sentencesOnly += ruleBackend.auditSentences(p.sentences, p.source).length;
  secondsOnly = Number(process.hrtime.bigint() - startedOnly) / 1e9;
}
const cpuSecondsOnly = cpuSecondsSince(cpuStartedOnly);

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const words = articles.reduce((sum, a) => sum + wordCount(a.text), 0) / articles.length;
console.log(`bench:audit: ${articles.length} articles of ${Math.round(words)} words on average, ${SENTENCES_PER_SUMMARY} summary sentences each, one process`);
console.log(
  `  with source preparation:   ${Math.round(sentences / seconds)} sentences/s, ${Math.round(sentences / cpuSeconds)} per CPU second (${((seconds / (rounds * articles.length)) * 1000).toFixed(2)} ms per article and its summary)`,
);
console.log(`  source already prepared:   ${Math.round(sentencesOnly / secondsOnly)} sentences/s, ${Math.round(sentencesOnly / cpuSecondsOnly)} per CPU second`);
