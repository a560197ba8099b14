// Quotations and their speakers, as far as one sentence shows them. The summarizer uses these to avoid
// quotes a reader could pin on the wrong person; the auditor can use them to check who said what.

/**
 * Verbs news copy uses to attribute words to a speaker. Matched whole-word, so "States" (in "United
 * States") is not "stated".
 */
export const ATTRIBUTION_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'tells', 'asked', 'asks', 'added', 'adds', 'wrote', 'writes',
  'stated', 'noted', 'explained', 'argued', 'insisted', 'declared', 'announced', 'replied', 'recalled',
  'warned', 'acknowledged', 'contended', 'tweeted', 'posted', 'according to',
];

/** Either case for the first letter only: "According to…" and "Said Ms. Voss…" open sentences. */
const VERB_ALTERNATION = ATTRIBUTION_VERBS.map(
  (verb) => `[${verb.charAt(0)}${verb.charAt(0).toUpperCase()}]${verb.slice(1).replace(' ', '\\s+')}`,
).join('|');

const ATTRIBUTION_RE = new RegExp(`\\b(?:${VERB_ALTERNATION})\\b`);

/**
 * "he said" / "…, said she.": the speaker is a pronoun, so who spoke depends on an earlier sentence.
 * The inverted form must close the clause, since "Mr. Brandt said he would…" names its speaker.
 */
const PRONOUN_ATTRIBUTION_RE = new RegExp(
  `\\b(?:[Hh]e|[Ss]he|[Tt]hey)\\s+(?:${VERB_ALTERNATION})\\b|\\b(?:${VERB_ALTERNATION})\\s+(?:he|she|they)[.,;]`,
);

/** A person named with a title or office, which is enough to tell a reader who is speaking. */
const TITLED_NAME_RE =
  /\b(?:Mr|Mrs|Ms|Mx|Dr|Gov|Sen|Rep|Gen|President|Secretary|Minister|Mayor|Judge|Chief)\.?\s+\p{Lu}/u;

/** A quoted span; an unclosed quote runs to the end of the sentence (multi-sentence quotations). */
const QUOTED_SPAN_RE = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;

const OPENS_WITH_QUOTE_RE = /^[“"‘]/;
const CURLY_OPEN_RE = /“/g;
const CURLY_CLOSE_RE = /”/g;
const STRAIGHT_QUOTE_RE = /"/g;

/** The sentence with quoted words blanked out, so only the narrator's words remain. */
export function outsideQuotations(text: string): string {
  return text.replace(QUOTED_SPAN_RE, ' ');
}

export function startsWithQuotation(text: string): boolean {
  return OPENS_WITH_QUOTE_RE.test(text);
}

export function hasQuotation(text: string): boolean {
  return text.includes('“') || text.includes('"');
}

/** Whether the narrator attributes something in this sentence ("…, Mr. Rubio said."). */
export function hasAttribution(text: string): boolean {
  return ATTRIBUTION_RE.test(outsideQuotations(text));
}

/** Whether the attribution's speaker is only a pronoun ("…,” he said.). */
export function attributedToPronoun(text: string): boolean {
  return PRONOUN_ATTRIBUTION_RE.test(outsideQuotations(text));
}

/** Whether the sentence tells a reader who is speaking: a named attribution or a titled name. */
export function namesSpeaker(text: string): boolean {
  if (TITLED_NAME_RE.test(text)) return true;
  return hasAttribution(text) && !attributedToPronoun(text);
}

/**
 * Whether a quotation is still open after this sentence, given whether one was open before it. A
 * sentence that starts while a quotation is open is the middle of a multi-sentence quote and has no
 * speaker of its own. Straight quotes cannot say which way they face, so each one toggles.
 */
export function endsInsideQuotation(text: string, startsInside: boolean): boolean {
  const opens = countMatches(text, CURLY_OPEN_RE);
  const closes = countMatches(text, CURLY_CLOSE_RE);
  if (opens + closes > 0) return (startsInside ? 1 : 0) + opens - closes > 0;
  return countMatches(text, STRAIGHT_QUOTE_RE) % 2 === 1 ? !startsInside : startsInside;
}

function countMatches(text: string, re: RegExp): number {
  let count = 0;
  re.lastIndex = 0;
  while (re.exec(text)) count += 1;
  return count;
}
