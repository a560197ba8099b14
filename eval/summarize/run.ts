// `npm run eval:summarize`: ROUGE-1/2/L F1 of our summaries beside Lead-3 and TextRank on the
// hand-written evaluation set, and the faithfulness counts of ours over every article.
import type { Article } from '../../src/model.js';
import { splitSentences } from '../../src/text/sentences.js';
import { wordCount } from '../../src/text/words.js';
import { DEFAULT_SUMMARY_OPTIONS, summarizeArticle, wordBudget } from '../../src/summarize/index.js';
import { checkFaithfulness, emptyCounts } from '../../src/summarize/faithfulness.js';
import { lead3, leadBudget, textRank } from './baselines.js';
import { loadEvalArticles, type EvalArticle } from './corpus.js';
import { rouge, type RougeScores } from './rouge.js';

type System = 'ours' | 'lead-3' | 'lead-budget' | 'textrank';
const SYSTEMS: readonly System[] = ['ours', 'lead-3', 'lead-budget', 'textrank'];

function asArticle(item: EvalArticle): Article {
  return {
    id: item.id,
    url: '',
    title: item.title,
    byline: [],
    publisher: 'eval',
    publisherName: 'Evaluation set',
    text: item.text,
    origin: { kind: 'text', path: `eval/summarize/articles/${item.id}.json` },
    warnings: [],
  } as Article;
}

const items = loadEvalArticles();
const totals = new Map<System, RougeScores & { words: number }>(
  SYSTEMS.map((s) => [s, { rouge1: 0, rouge2: 0, rougeL: 0, words: 0 }]),
);
const faithfulness = emptyCounts();
const wins = { rouge1: 0, rouge2: 0, rougeL: 0 };
let articleWords = 0;
let referenceWords = 0;

for (const item of items) {
  const article = asArticle(item);
  const sentences = splitSentences(item.text);
  const summary = summarizeArticle(article);
  checkFaithfulness(item.text, summary, faithfulness);
  const budget = wordBudget(wordCount(item.text), DEFAULT_SUMMARY_OPTIONS);
  const outputs: Record<System, string> = {
    ours: summary.text,
    'lead-3': lead3(sentences),
    'lead-budget': leadBudget(sentences, budget),
    textrank: textRank(sentences, budget),
  };
  const perSystem = new Map<System, RougeScores>();
  for (const system of SYSTEMS) {
    const scores = rouge(outputs[system], item.reference);
    perSystem.set(system, scores);
    const total = totals.get(system)!;
    total.rouge1 += scores.rouge1;
    total.rouge2 += scores.rouge2;
    total.rougeL += scores.rougeL;
    total.words += wordCount(outputs[system]);
  }
  for (const metric of ['rouge1', 'rouge2', 'rougeL'] as const) {
    const ours = perSystem.get('ours')![metric];
    const others = SYSTEMS.filter((s) => s !== 'ours').map((s) => perSystem.get(s)![metric]);
    if (others.every((other) => ours >= other)) wins[metric] += 1;
  }
  articleWords += wordCount(item.text);
  referenceWords += wordCount(item.reference);
}

const count = items.length;
const pct = (value: number): string => (value * 100).toFixed(2).padStart(7);
console.log(`newsdesk eval:summarize: ${count} original fictional articles (mean ${Math.round(articleWords / count)} words), references mean ${Math.round(referenceWords / count)} words`);
console.log('ROUGE F1 (%), mean over articles; js-rouge, lowercased word tokens');
console.log('lead-budget: leading sentences within the word budget ours gets; textrank: same budget')
console.log('system       ROUGE-1  ROUGE-2  ROUGE-L  mean words');
for (const system of SYSTEMS) {
  const t = totals.get(system)!;
  console.log(`${system.padEnd(11)}  ${pct(t.rouge1 / count)}  ${pct(t.rouge2 / count)}  ${pct(t.rougeL / count)}  ${(t.words / count).toFixed(0).padStart(10)}`);
}
console.log(`ours best or tied on ROUGE-1 in ${wins.rouge1}/${count} articles, ROUGE-2 in ${wins.rouge2}/${count}, ROUGE-L in ${wins.rougeL}/${count}`);
console.log('faithfulness of ours over every article:');
console.log(`  summary sentences ${faithfulness.sentences}: verbatim ${faithfulness.verbatim}, recorded edit ${faithfulness.edited}, neither ${faithfulness.unsupported}`);
console.log(`  quotes without their speaker ${faithfulness.quotesWithoutSpeaker}`);
console.log(`  sentences starting with an unresolved pronoun ${faithfulness.unresolvedPronouns}`);
