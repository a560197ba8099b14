// What the text stages need to know about one language, as tables: the sentence splitter's abbreviations
// and quotation marks, the tokenizer's stopwords, elisions and suffixes, the words by which news copy
// attributes speech, and the words of negation, numbers and dates the auditor compares. One file per
// language beside this one; the code that reads them is the same for every language.

/** How an abbreviation's period is read when a capitalized word follows it. */
export type AbbreviationKind =
  /** Never ends a sentence: titles before a name ("Dr.", "M.", "Sig."). */
  | 'never'
  /** Ends one only when a common sentence opener follows ("…rund 4,2 Mio. Die Stadt…"). */
  | 'unless-opener'
  /** Ends one whenever a capital follows, like a word: eras after a year ("…siglo III d. C. Mide…"). */
  | 'final';

export interface SentenceRules {
  /** Abbreviations (without their final period, case as written) that never end a sentence. */
  nonTerminal: ReadonlySet<string>;
  /** Abbreviations that may end one: a sentence ends after them only before a common opener. */
  sentenceFinal: ReadonlySet<string>;
  /**
   * Abbreviations before a number ("Nr. 5", "Abs. 2", "núm. 3", "12 janv. 2025"): no sentence ends between
   * the two. Unless also listed above, a capital after one ends the sentence like after any word: where
   * nouns are lowercase, a month abbreviation before a capital closes its date and its sentence.
   */
  beforeNumber: ReadonlySet<string>;
  /**
   * Abbreviations written in several dotted parts with a space ("z. B.", "EE. UU.", "p. ej."), without the
   * final period, one space between parts. Their earlier parts go in `nonTerminal`.
   */
  multiPart: ReadonlyMap<string, AbbreviationKind>;
  /**
   * Endings of compound abbreviations ("Hauptstr.", "Bahnhofstr.") and the listed abbreviation each is
   * read as ("Str"): a word ending so is looked up as that abbreviation.
   */
  compoundEndings: ReadonlyMap<string, string>;
  /** Words that commonly open a news sentence, deciding `sentenceFinal` abbreviations. */
  openers: ReadonlySet<string>;
  /** Marks right after the terminal that still belong to the sentence (closing quotes, brackets). */
  closingMarks: ReadonlySet<string>;
  /** Closing marks written after a space: French « Oui. » */
  spacedClosingMarks: ReadonlySet<string>;
  /** Marks that may open the next sentence before its first letter. */
  openingMarks: ReadonlySet<string>;
  /** Opening marks a space may follow: French « Oui », and dialogue dashes ("— Demain ?"). */
  spacedOpeningMarks: ReadonlySet<string>;
  /** Words that open a sentence in lowercase (Dutch ’s and ’t), apostrophe as written. */
  lowercaseOpeners: readonly string[];
  /**
   * Words before a number written as an ordinal with a period ("am 14. März", "zum 3. Mal"): after such a
   * word the number's period ends no sentence unless an opener follows, and before a month name (the
   * language's `facts.months`) it never does. Empty where ordinals take no period.
   */
  ordinalCues: ReadonlySet<string>;
  /**
   * After a quoted question or exclamation, an attribution that keeps the quote and its speaker in one
   * sentence (“Why now?” Mr. Rubio asked.). Sticky; undefined where the verb comes first in lowercase.
   */
  attributionAfterQuote?: RegExp;
}

export interface WordRules {
  /** Function words that say nothing about what an article is about, lowercase. */
  stopwords: ReadonlySet<string>;
  /** Elided articles and prepositions before an apostrophe ("l’", "dell’", "qu’"), lowercase, dropped from the token. */
  elisions: ReadonlySet<string>;
  /**
   * Suffixes a light stemmer removes, longest first; the first that fits wins. Undefined: the English
   * stemmer (words.ts), which also undoes doubled consonants.
   */
  suffixes?: ReadonlyArray<readonly [suffix: string, replacement: string]>;
  /** No suffix is removed if fewer letters than this would remain. */
  minStem: number;
}

export interface SpeechRules {
  /** Verbs and verb phrases of speech that credit words to a speaker, lowercase ("sagte", "a déclaré"). */
  attributionVerbs: readonly string[];
  /**
   * Words that credit what follows to the name after them ("according to", "selon", "laut"). One that is
   * not also listed as a verb counts only before a name or an article ("secondo il sindaco", not "il
   * secondo giorno").
   */
  attributionPrepositions: readonly string[];
  /** Verbs of stance: a subject doing these is the claim's source ("agreed", "forderte", "criticó"). */
  stanceVerbs: readonly string[];
  /** Subject pronouns by the gender they tell, and the plural ones, lowercase. */
  pronouns: { readonly m: readonly string[]; readonly f: readonly string[]; readonly plural: readonly string[] };
  /**
   * Further attributions to a pronoun, as regular expression sources (case-insensitive): French inverts
   * the pronoun into the verb ("a-t-il déclaré").
   */
  pronounAttributions: readonly string[];
  /**
   * Whether the language drops subject pronouns ("«…», dijo."): then an attribution verb that names
   * nobody credits the words to someone named earlier, like "he said" in English.
   */
  dropsPronouns: boolean;
  /** Words that may stand before a subject's name and title ("the", "former", "ehemalige"), lowercase. */
  subjectPrefixes: readonly string[];
  /** Openers to skip before a sentence's subject ("On Wednesday,", "But"); none where undefined. */
  subjectIntro?: RegExp;
  /** A group subject that names nobody in particular ("Both leaders agreed"); none where undefined. */
  collectiveSubject?: RegExp;
  /** The word that joins two subjects ("and", "und", "et"). */
  and: string;
  /** Articles before a lowercase role in an inverted attribution ("a déclaré le maire Jean Dupont"). */
  articles: readonly string[];
  /** Titles as written before a name (period included) that make it a person's, with the gender they tell. */
  honorifics: ReadonlyMap<string, 'm' | 'f' | undefined>;
  /** Courtesy titles (no period) the full name replaces ("Frau Wessel" → "Anna Wessel"). */
  courtesyTitles: readonly string[];
  /** Titles and offices (no period) kept before the full name ("Dr. Wessel" → "Dr. Anna Wessel"). */
  keptTitles: readonly string[];
  /** Titles and offices (no period) before a name that make it a person's, for the people index. */
  personTitles: readonly string[];
  /** Titles and offices (no period) before a name that tell a reader who is speaking. */
  speakerTitles: readonly string[];
  /** Capitalized words that are never a name by themselves (openers, months, weekdays), lowercase. */
  notNameWords: ReadonlySet<string>;
  /** Lowercased office words that make a name a person's and give their role. */
  roleWords: ReadonlySet<string>;
  /** Lowercased words that make a capitalized sequence an organization or place, not a person. */
  nonPersonWords: ReadonlySet<string>;
  /** Lowercase particles inside names ("de la", "van der"). */
  nameParticles: ReadonlySet<string>;
  /** Sentence openers that point back at an earlier sentence (pronouns, "Aber", "Pourtant"). */
  dependentOpeners: ReadonlySet<string>;
  /**
   * Quotation marks, opening and closing, as pairs. A mark may close one pair or open another, not both:
   * counting them tells whether a quotation is still open.
   */
  quotePairs: ReadonlyArray<readonly [open: string, close: string]>;
  /** Characters that open a quotation at the start of a sentence (dialogue dashes included where used). */
  quotationStarts: string;
}

export interface FactRules {
  /** Words that negate the words right after them, lowercase ("nicht", "kein", "pas", "nunca", "geen"). */
  negations: ReadonlySet<string>;
  /** Whether a negation also negates the words right before it: it follows the verb ("stimmte nicht zu"). */
  negationBefore: boolean;
  /** Numbers written as words, lowercase. */
  numberWords: Readonly<Record<string, number>>;
  /** Number words read as quantities in running text ("one" and "first" too seldom are). */
  countingWords: readonly string[];
  /** Scale words after a number ("Mio", "millions", "milhões"), lowercase, without a final period. */
  scales: Readonly<Record<string, number>>;
  /** Decimal comma and thousands dot ("3,8", "21.000") rather than the English decimal point. */
  decimalComma: boolean;
  /** Each month's spellings (full name and abbreviations, lowercase, no period), January first. */
  months: ReadonlyArray<readonly string[]>;
  /** Each weekday's spellings, lowercase, Monday first. */
  weekdays: ReadonlyArray<readonly string[]>;
  /** Words between a day and its month or year ("14 de marzo de 2026"). */
  dateJoiners: readonly string[];
}

export interface LanguageProfile {
  /** ISO 639-1 code. */
  code: string;
  sentences: SentenceRules;
  words: WordRules;
  speech: SpeechRules;
  facts: FactRules;
}

/** A set holding each word as given and with its first letter capitalized ("ca" and "Ca"). */
export function withCapitals(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]));
}
