// Quotations and their speakers, as far as one sentence shows them. The summarizer uses these to avoid
// quotes a reader could pin on the wrong person; the auditor can use them to check who said what. Every
// function reads the quotation marks and verbs of speech of the language it is given (English when none is).
import { english, type LanguageProfile } from './languages/index.js';
import { escapeRegExp, perLanguage, wordAlternation, wordEdges } from './languages/patterns.js';

/** English attribution verbs (languages/en.ts), for callers that read English only. */
export const ATTRIBUTION_VERBS: readonly string[] = english.speech.attributionVerbs;

interface QuotePatterns {
  attribution: RegExp;
  pronounAttribution: RegExp;
  titledName: RegExp;
  quotedSpan: RegExp;
  opensWithQuote: RegExp;
  /** Marks that only open, only close, or (straight quotes) do both. */
  opens: RegExp;
  closes: RegExp;
  straight: RegExp;
  hasQuote: RegExp;
}

/**
 * A language's quotation patterns, made once. For English they are the ones this file was written with:
 * verbs matched whole-word (so "States" in "United States" is not "stated"), either case for the first
 * letter only ("According to…", "Said Ms. Voss…").
 */
const patternsFor = perLanguage((language: LanguageProfile): QuotePatterns => {
  const speech = language.speech;
  const verbs = wordAlternation(speech.attributionVerbs);
  const edges = wordEdges([...speech.attributionVerbs, ...speech.attributionPrepositions, ...speech.speakerTitles]);
  const { before: b, after: a, flags } = edges;
  // A preposition that is not also a verb credits only a name or an article's noun ("según la alcaldesa").
  const prepositions = speech.attributionPrepositions.filter((p) => !speech.attributionVerbs.includes(p));
  const namedAfter = prepositions.length > 0
    ? `|${b}(?:${wordAlternation(prepositions)})(?=\\s+(?:\\p{Lu}|(?:${speech.articles.map(escapeRegExp).join('|')})\\s))`
    : '';
  const capitalPronouns = (words: readonly string[]) => words.map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${escapeRegExp(w.slice(1))}`).join('|');
  const pronouns = [...new Set([...speech.pronouns.m, ...speech.pronouns.f, ...speech.pronouns.plural])];
  const inverted = language === english ? '\\s+' : '(?:\\s+|-(?:t-)?)';
  const pronounForms = [
    `${b}(?:${capitalPronouns(pronouns)})\\s+(?:${verbs})${a}`,
    `${b}(?:${verbs})${inverted}(?:${pronouns.join('|')})${language === english ? '' : '\\s*'}[.,;]`,
    ...speech.pronounAttributions,
  ];
  // Where the subject pronoun is dropped, a verb of speech that names nobody ("«…», dijo.", "«…», le
  // reprochó.", a clitic pronoun before it) points back too.
  if (speech.dropsPronouns) {
    pronounForms.push(`(?:^|[,;—–]\\s*)(?:\\p{Ll}{1,3}\\s+)?(?:${verbs})(?=\\s*(?:[.,;:!?]|$)|\\s+(?!(?:${speech.articles.map(escapeRegExp).join('|')})${a})\\p{Ll})`);
  }
  const hasUnicode = flags === 'u' || pronounForms.some((f) => f.includes('\\p{'));
  const quoteFlags = language.speech.quotePairs.some(([, close]) => close === '’') ? 'gu' : 'g';
  const roles = [...speech.speakerTitles].map(escapeRegExp).join('|');
  const openers = [...new Set(speech.quotePairs.filter(([o, c]) => o !== c).map(([o]) => o))];
  const closers = [...new Set(speech.quotePairs.filter(([o, c]) => o !== c).map(([, c]) => c))];
  const straights = [...new Set(speech.quotePairs.filter(([o, c]) => o === c).map(([o]) => o))];
  const charClass = (chars: readonly string[]) => (chars.length > 0 ? `[${chars.map(escapeRegExp).join('')}]` : '(?!)');
  return {
    attribution: new RegExp(`${b}(?:${verbs})${a}${namedAfter}`, namedAfter ? 'u' : flags),
    pronounAttribution: new RegExp(pronounForms.join('|'), hasUnicode ? 'u' : ''),
    titledName: new RegExp(`${language === english ? '\\b' : b}(?:${roles})\\.?\\s+\\p{Lu}`, 'u'),
    // An unclosed quote runs to the end of the sentence (multi-sentence quotations); a closing ’ before a
    // letter is an apostrophe ("zo’n"), not the end of the quotation.
    quotedSpan: new RegExp(
      speech.quotePairs
        .map(([open, close]) => {
          const inside = close === '’' ? `(?:[^’]|’(?=\\p{L}))*` : `[^${escapeRegExp(close)}]*`;
          return `${escapeRegExp(open)}${inside}(?:${escapeRegExp(close)}|$)`;
        })
        .join('|'),
      quoteFlags,
    ),
    opensWithQuote: new RegExp(`^[${[...speech.quotationStarts].map(escapeRegExp).join('')}]`),
    opens: new RegExp(charClass(openers), 'g'),
    closes: new RegExp(charClass(closers), 'g'),
    straight: new RegExp(charClass(straights), 'g'),
    hasQuote: new RegExp(charClass([...openers, ...straights])),
  };
});

/** The sentence with quoted words blanked out, so only the narrator's words remain. */
export function outsideQuotations(text: string, language: LanguageProfile = english): string {
  return text.replace(patternsFor(language).quotedSpan, ' ');
}

export function startsWithQuotation(text: string, language: LanguageProfile = english): boolean {
  return patternsFor(language).opensWithQuote.test(text);
}

export function hasQuotation(text: string, language: LanguageProfile = english): boolean {
  return patternsFor(language).hasQuote.test(text);
}

/** Whether the narrator attributes something in this sentence ("…, Mr. Rubio said.", "…», dijo Pérez."). */
export function hasAttribution(text: string, language: LanguageProfile = english): boolean {
  return patternsFor(language).attribution.test(outsideQuotations(text, language));
}

/** Whether the attribution's speaker is only a pronoun ("…,” he said.", "«…», dijo."). */
export function attributedToPronoun(text: string, language: LanguageProfile = english): boolean {
  return patternsFor(language).pronounAttribution.test(outsideQuotations(text, language));
}

/** Whether the sentence tells a reader who is speaking: a named attribution or a titled name. */
export function namesSpeaker(text: string, language: LanguageProfile = english): boolean {
  if (patternsFor(language).titledName.test(text)) return true;
  return hasAttribution(text, language) && !attributedToPronoun(text, language);
}

/**
 * Whether a quotation is still open after this sentence, given whether one was open before it. A
 * sentence that starts while a quotation is open is the middle of a multi-sentence quote and has no
 * speaker of its own. Straight quotes cannot say which way they face, so each one toggles.
 */
export function endsInsideQuotation(text: string, startsInside: boolean, language: LanguageProfile = english): boolean {
  const patterns = patternsFor(language);
  const opens = countMatches(text, patterns.opens);
  const closes = countMatches(text, patterns.closes);
  if (opens + closes > 0) return (startsInside ? 1 : 0) + opens - closes > 0;
  return countMatches(text, patterns.straight) % 2 === 1 ? !startsInside : startsInside;
}

function countMatches(text: string, re: RegExp): number {
  let count = 0;
  re.lastIndex = 0;
  while (re.exec(text)) count += 1;
  return count;
}
