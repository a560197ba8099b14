// `npm run eval:text`: sentence boundary F1 per language on the hand-marked multilingual set, ours beside
// Intl.Segmenter and beside our splitter with only its English rules, all in this process on the same text;
// then language detection on the same articles. `--errors` lists every boundary a system got wrong.
import { articleLanguage } from '../../src/text/language.js';
import { countBoundaries, emptyCounts, englishRules, f1, intlSegmenter, ours, type BoundaryCounts, type Segmenter } from './boundaries.js';
import { loadLanguageArticles, type LanguageArticle } from './corpus.js';

const SYSTEMS: ReadonlyArray<readonly [name: string, segmenter: Segmenter]> = [
  ['ours', ours],
  ['Intl.Segmenter', intlSegmenter],
  ['English rules', englishRules],
];

const articles = loadLanguageArticles();
const languages = [...new Set(articles.map((a) => a.lang))];
const showErrors = process.argv.includes('--errors');

const fixed = (value: number): string => value.toFixed(3);

console.log('newsdesk eval:text — sentence boundaries inside paragraphs, hand-marked, original fictional articles');
console.log(`Intl.Segmenter: Node ${process.versions.node}, ICU ${process.versions.icu}`);
console.log('');
console.log(`lang  articles  boundaries │ ${SYSTEMS.map(([name]) => `${name.padEnd(14)}   P      R      F1  `).join('│ ')}`);
const errors = new Map<string, string[]>();
for (const lang of languages) {
  const set = articles.filter((a) => a.lang === lang);
  const gold = set.reduce((n, a) => n + a.boundaries.length, 0);
  const cells = SYSTEMS.map(([name, segmenter]) => {
    const counts: BoundaryCounts = emptyCounts();
    for (const article of set) countBoundaries(article, segmenter, counts);
    errors.set(`${lang} ${name}`, counts.errors);
    const { precision, recall, f1: score } = f1(counts);
    return `${' '.repeat(14)} ${fixed(precision)}  ${fixed(recall)}  ${fixed(score)} `;
  });
  console.log(`${lang.padEnd(4)}  ${String(set.length).padStart(8)}  ${String(gold).padStart(10)} │ ${cells.join('│ ')}`);
}

console.log('');
console.log('language detection (declared language withheld: function words, then trigrams)');
for (const lang of languages) {
  const set = articles.filter((a) => a.lang === lang);
  const wrong = set.filter((a: LanguageArticle) => articleLanguage(a.text) !== lang);
  console.log(`  ${lang}  ${set.length - wrong.length}/${set.length}${wrong.length ? `  wrong: ${wrong.map((a) => `${a.id} → ${articleLanguage(a.text) ?? 'unknown'}`).join(', ')}` : ''}`);
}

if (showErrors) {
  for (const [key, list] of errors) {
    if (list.length === 0) continue;
    console.log(`\n${key}: ${list.length} wrong (⟂ split where none is marked, ⟂? marked boundary missed)`);
    for (const line of list) console.log(`  ${line}`);
  }
}
