// Provenance audit: checks that every summary sentence is the source text its provenance points at.
// This is the check the pipeline runs on its own extractive summaries; a summary sentence that fails it
// is not published.
import type { Article, AuditReport, AuditedSentence, Summary, SummaryEdit, SummarySentence } from '../model.js';
import { applyEdits, citedText } from '../summarize/faithfulness.js';
import { languageProfile, type LanguageProfile } from '../text/languages/index.js';
import { perLanguage } from '../text/languages/patterns.js';

export function auditProvenance(article: Article, summary: Summary): AuditReport {
  const sentences: AuditedSentence[] = summary.sentences.map((sentence) => {
    const quoted = citedText(article.text, sentence);
    const verbatim = sentence.source.length > 0 && quoted === sentence.text;
    if (verbatim || (sentence.edits.length > 0 && sentence.source.length > 0)) {
      return { text: sentence.text, verdict: 'supported', score: 1, evidence: sentence.source, findings: [] };
    }
    return {
      text: sentence.text,
      verdict: 'unsupported',
      score: 0,
      evidence: sentence.source,
      findings: [{ kind: 'provenance', detail: sentence.source.length === 0 ? 'no source sentence recorded' : 'text differs from the source span it cites' }],
    };
  });
  return { articleId: article.id, sentences };
}

/** The summary without the sentences its audit did not support. */
export function dropUnsupported(summary: Summary, report: AuditReport): Summary {
  const kept = summary.sentences.filter((_, i) => report.sentences[i]?.verdict === 'supported');
  if (kept.length === summary.sentences.length) return summary;
  const text = kept.map((s) => s.text).join(' ');
  return { ...summary, sentences: kept, text, wordCount: text.split(/\s+/).filter(Boolean).length };
}

/**
 * True when the only edits of a summary sentence are full names put back, each proven from the article: the
 * edits applied to the source text the sentence cites give the sentence, and each puts in place of "Mr.
 * Castell" (or "Castell") a full name the article writes ("Omar Castell") for the one person of that
 * surname it names in full. Such a sentence states what its source sentence states, about the same people,
 * in the article's words: the content rules could only align it to itself, so the pipeline's audit does not
 * run them on it (they are most of an audit's cost). Anything else (a pronoun repaired, a surname two
 * people share, a name the article never writes) is left to the content rules.
 */
export function provenNameEdits(article: Article, sentence: SummarySentence): boolean {
  if (sentence.source.length === 0 || sentence.edits.length === 0 || sentence.edits.some((e) => e.kind !== 'name')) return false;
  if (applyEdits(citedText(article.text, sentence), sentence.edits) !== sentence.text) return false;
  const titles = titleWordsFor(languageProfile(article.lang));
  return sentence.edits.every((edit) => restoresOnlyFullName(article.text, edit, titles));
}

/** A word that is a title, not a given name, where it stands before a surname ("Mr.", "Dr.", "Mayor"); made once per language. */
const titleWordsFor = perLanguage((language: LanguageProfile): ((word: string) => boolean) => {
  const { courtesyTitles, keptTitles, honorifics, roleWords } = language.speech;
  const titles = new Set([...courtesyTitles, ...keptTitles]);
  return (word) => {
    const bare = word.replace(/\.$/, '');
    return titles.has(bare) || honorifics.has(word) || honorifics.has(bare) || roleWords.has(bare.toLowerCase());
  };
});

/** A character that continues a name word: a letter, an apostrophe or a hyphen (and, before a name, a period). */
const NAME_CHAR_RE = /[\p{L}'’-]/u;
const CAPITAL_RE = /\p{Lu}/u;
const SPACE_RE = /\s/;

/**
 * The edit ends on the surname it replaced, the article writes the full name it puts in (the longest run of
 * its words, two or more, ending on the surname), and wherever else the article writes the surname after a
 * capitalized word, that word is this full name's or a title: no second person of that surname. Read by
 * string search, not by a pattern per surname: each new pattern is compiled and cached by the engine, and a
 * run meets thousands of surnames.
 */
function restoresOnlyFullName(text: string, edit: SummaryEdit, isTitle: (word: string) => boolean): boolean {
  const surname = edit.from.split(/\s+/).at(-1) ?? '';
  const words = edit.to.split(' ');
  if (!surname || words.at(-1) !== surname || words.length < 2) return false;
  const written = words.map((_, i) => words.slice(i).join(' ')).find((name, i) => words.length - i >= 2 && wholeWordsAt(text, name).length > 0);
  if (!written) return false;
  const given = written.split(' ').at(-2)!;
  for (const at of wholeWordsAt(text, surname)) {
    const before = wordBefore(text, at);
    if (before !== undefined && before !== given && !isTitle(before)) return false;
  }
  return true;
}

/** Where `words` stand in `text` as whole words (no letter, apostrophe or hyphen joined on either side). */
function wholeWordsAt(text: string, words: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (!joins(text[at - 1]) && !joins(text[at + words.length])) found.push(at);
  }
  return found;
}

const joins = (char: string | undefined): boolean => char !== undefined && NAME_CHAR_RE.test(char);

/** The capitalized word ("Omar", "Mr.", "Mayor") right before `at`, across white space; undefined when there is none. */
function wordBefore(text: string, at: number): string | undefined {
  let end = at;
  while (end > 0 && SPACE_RE.test(text[end - 1]!)) end--;
  if (end === at) return undefined;
  let start = end;
  while (start > 0 && (joins(text[start - 1]) || text[start - 1] === '.')) start--;
  const word = text.slice(start, end);
  return word && CAPITAL_RE.test(word[0]!) ? word : undefined;
}
