// `npm run eval:summarize`: ROUGE-1/2/L F1 of our summaries beside Lead-3, Lead-to-budget and TextRank on
// the hand-written evaluation set, then dangling references and faithfulness for every system on that set,
// on the trap articles, on the demo corpus and on the seed article (when present), all measured by the
// independent detector in dangling.ts and faithful.ts, which shares no code with the summarizer.
import { evaluateModelGate } from '../llm/evaluate.js';
import { evaluateDigestGate } from '../llm/evaluate-digests.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/model.js';
import { ingest } from '../../src/ingest/index.js';
import { DEMO_CORPUS } from '../../src/config.js';
import { splitSentences } from '../../src/text/sentences.js';
import { wordCount } from '../../src/text/words.js';
import { DEFAULT_SUMMARY_OPTIONS, summarizeArticle, wordBudget, type SummaryOptions } from '../../src/summarize/index.js';
import { lead3Sentences, leadBudgetSentences, textRankSentences } from './baselines.js';
import { evalArticle, loadEvalArticles, repoRoot, trapArticlesDir, type EvalArticle } from './corpus.js';
import { rouge, type RougeScores } from './rouge.js';
import { countByKind, DANGLING_KINDS, emptyByKind, findDanglingReferences, type DanglingKind } from './dangling.js';
import { countFaithfulness, emptyFaithfulness, type IndependentFaithfulness } from './faithful.js';
import { evaluateLanguages } from './languages.js';

type System = 'ours' | 'ours@300' | 'lead-3' | 'lead-budget' | 'textrank';
const SYSTEMS: readonly System[] = ['ours', 'ours@300', 'lead-3', 'lead-budget', 'textrank'];

/** The summary length before issue 19 (30% of the article, clamped to 100–300 words), shown for comparison. */
const PREVIOUS_LENGTH: Partial<SummaryOptions> = { maxWords: 300 };

/** The seed article lives outside the repository and is never copied into it; `SEED_ARTICLE` overrides. */
const SEED_PATH = process.env.SEED_ARTICLE ?? join(repoRoot(), '..', 'shared', 'seeds', 'article.txt');

interface Document {
  id: string;
  title: string;
  text: string;
  reference?: string;
}

interface Tally {
  rouge: RougeScores;
  words: number;
  dangling: Record<DanglingKind, number>;
  faithfulness: IndependentFaithfulness;
}

/** Every system's summary of one document, as sentences. */
function summaries(item: Document, article: Article | undefined): Record<System, string[]> {
  const sentences = splitSentences(item.text);
  const source = article ?? evalArticle(item);
  const budget = wordBudget(wordCount(item.text), DEFAULT_SUMMARY_OPTIONS);
  return {
    ours: summarizeArticle(source).sentences.map((s) => s.text),
    'ours@300': summarizeArticle(source, PREVIOUS_LENGTH).sentences.map((s) => s.text),
    'lead-3': lead3Sentences(sentences),
    'lead-budget': leadBudgetSentences(sentences, budget),
    textrank: textRankSentences(sentences, budget),
  };
}

function evaluate(items: readonly Document[], articles?: readonly Article[]): Map<System, Tally> {
  const totals = new Map<System, Tally>(
    SYSTEMS.map((s) => [s, { rouge: { rouge1: 0, rouge2: 0, rougeL: 0 }, words: 0, dangling: emptyByKind(), faithfulness: emptyFaithfulness() }]),
  );
  items.forEach((item, i) => {
    const outputs = summaries(item, articles?.[i]);
    for (const system of SYSTEMS) {
      const total = totals.get(system)!;
      const sentences = outputs[system];
      const text = sentences.join(' ');
      if (item.reference) {
        const scores = rouge(text, item.reference);
        total.rouge.rouge1 += scores.rouge1;
        total.rouge.rouge2 += scores.rouge2;
        total.rouge.rougeL += scores.rougeL;
      }
      total.words += wordCount(text);
      countByKind(findDanglingReferences(item.text, sentences), total.dangling);
      countFaithfulness(item.text, sentences, total.faithfulness);
    }
  });
  return totals;
}

const pct = (value: number): string => (value * 100).toFixed(2).padStart(7);

function printRouge(title: string, items: readonly Document[], totals: Map<System, Tally>): void {
  const n = items.length;
  const articleWords = items.reduce((sum, i) => sum + wordCount(i.text), 0);
  const referenceWords = items.reduce((sum, i) => sum + wordCount(i.reference ?? ''), 0);
  console.log(`${title}: ${n} original fictional articles (mean ${Math.round(articleWords / n)} words), references mean ${Math.round(referenceWords / n)} words`);
  console.log('system       ROUGE-1  ROUGE-2  ROUGE-L  mean words');
  for (const system of SYSTEMS) {
    const t = totals.get(system)!;
    console.log(`${system.padEnd(11)}  ${pct(t.rouge.rouge1 / n)}  ${pct(t.rouge.rouge2 / n)}  ${pct(t.rouge.rougeL / n)}  ${(t.words / n).toFixed(0).padStart(10)}`);
  }
}

function printReferences(title: string, totals: Map<System, Tally>): void {
  console.log(`${title}: dangling references by kind, and faithfulness (independent detector)`);
  console.log(`system     ${DANGLING_KINDS.map((k) => k.padStart(10)).join('')}     total │ sentences verbatim name-restored neither quotes-without-speaker`);
  for (const system of SYSTEMS) {
    const t = totals.get(system)!;
    const total = DANGLING_KINDS.reduce((sum, k) => sum + t.dangling[k], 0);
    const f = t.faithfulness;
    console.log(
      `${system.padEnd(11)}${DANGLING_KINDS.map((k) => String(t.dangling[k]).padStart(10)).join('')}${String(total).padStart(10)} │ ${String(f.sentences).padStart(9)} ${String(f.verbatim).padStart(8)} ${String(f.nameRestored).padStart(13)} ${String(f.neither).padStart(7)} ${String(f.quotesWithoutSpeaker).padStart(23)}`,
    );
  }
}

const evalSet: EvalArticle[] = loadEvalArticles();
const traps: EvalArticle[] = loadEvalArticles(trapArticlesDir());
const demo = (await ingest([DEMO_CORPUS])).articles;
const seed: Document[] = existsSync(SEED_PATH) ? [{ id: 'seed', title: 'seed', text: readFileSync(SEED_PATH, 'utf8') }] : [];

console.log('newsdesk eval:summarize — ROUGE F1 (%), mean over articles; js-rouge, lowercased word tokens');
console.log(`ours: default length (${DEFAULT_SUMMARY_OPTIONS.ratio * 100}% of the article, ${DEFAULT_SUMMARY_OPTIONS.minWords}–${DEFAULT_SUMMARY_OPTIONS.maxWords} words); ours@300: the previous ceiling of 300 words`);
console.log('lead-budget: leading sentences within the word budget ours gets; textrank: same budget');
const evalTotals = evaluate(evalSet);
printRouge('evaluation set', evalSet, evalTotals);
const trapTotals = evaluate(traps);
if (traps.length > 0) printRouge('trap articles', traps, trapTotals);
console.log('');
printReferences(`evaluation set (${evalSet.length} articles)`, evalTotals);
printReferences(`trap articles (${traps.length})`, trapTotals);
printReferences(`demo corpus (${demo.length} articles)`, evaluate(demo.map((a) => ({ id: a.id, title: a.title, text: a.text })), demo));
if (seed.length > 0) printReferences('seed article', evaluate(seed));
else console.log(`seed article: not found at ${SEED_PATH} (set SEED_ARTICLE), skipped`);

// By language: the multilingual set of eval:text, each article summarized in the language its words show.
const byLanguage = evaluateLanguages();
console.log('');
console.log('by language (eval/text/articles: 8 original fictional articles per language, hand-marked sentences, hand-written references)');
console.log('ours: in the language its words show; English rules: the same summarizer told no language, as before');
console.log('cut: summary sentences that do not start and end on a marked sentence boundary; unattributed: quotations');
console.log('whose speaker the summary does not give (independent check, eval/summarize/quotes-multilingual.ts)');
console.log('lang  system          ROUGE-1  ROUGE-2  ROUGE-L  mean words  sentences  cut  unattributed');
for (const row of byLanguage) {
  console.log(
    `${row.lang.padEnd(4)}  ${row.system.padEnd(14)} ${pct(row.rouge1)}  ${pct(row.rouge2)}  ${pct(row.rougeL)}  ${row.words.toFixed(0).padStart(10)}  ${String(row.sentences).padStart(9)}  ${String(row.cut).padStart(3)}  ${String(row.quotesWithoutSpeaker).padStart(12)}`,
  );
}

// The model backend, run against the loopback fake server's scripted faults (eval/llm/): how many faulty
// sentences reached the output (target 0 for the faults the audit rules are meant to catch).
const model = await evaluateModelGate();
console.log('');
console.log('model backend behind the gate (fake server, scripted faults; npm run eval:llm for the detail)');
console.log('                                 faulty published  faithful kept');
const digests = await evaluateDigestGate();
for (const [label, tally] of [['cases the rules are meant to catch', model.caught], ['all cases', model.all], [`story digests (${digests.cases.length} cases)`, digests.all]] as const) {
  console.log(`  ${label.padEnd(32)} ${`${tally.faultyPublished} of ${tally.faults}`.padStart(16)}  ${`${tally.faithfulKept}/${tally.faithful}`.padStart(13)}`);
}
