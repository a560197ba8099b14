// Polarity against each evidence sentence: one of the two negates what the other states ("had not yet
// been detected" → "had been found"), or states its opposite ("above 1,800 metres" → "below"). The best
// evidence sentence is compared when it states the claim's proposition; a further evidence sentence only
// on the words the claim takes from it alone, and an opposite only beside a word both share. A source that
// says something was not said ("did not say how many jobs") withholds it: the claim is unsupported.
import type { AuditFinding } from '../model.js';
import { coverageBy, type PreparedSource } from './align.js';
import { anchoredFlip, antonymFlip, hasOpposites, negatedAntonym } from './polarity.js';
import { mayNegate, negatedSpan, negatesByMeaning, readNegation, spanKeys, withheldSpan, type NegatedSpan, type NegationReading } from './negation-words.js';
import { perSentence, perSource } from './sentence-cache.js';
import { english } from '../text/languages/index.js';
import { STOPWORDS } from '../text/words.js';

/**
 * The best evidence sentence states the claim's proposition when it alone holds this share of the
 * claim's words (the ones the source uses): then a negation or an opposite in one of them contradicts.
 */
const SAME_PROPOSITION = 0.6;

const NOTHING_NEGATED: NegationReading = { words: [], cue: [], withholds: [], language: english };

export function checkPolarity(text: string, keys: readonly string[], evidence: readonly number[], source: PreparedSource, findings: AuditFinding[]): void {
  if (evidence.length === 0) return;
  const { language } = source;
  // The hint is English; elsewhere every claim is read.
  const claim = language !== english || mayNegate(text) ? readNegation(text, language) : NOTHING_NEGATED;
  const claimNegates = claim.cue.includes(true);
  const claimOpposes = hasOpposites(text, language);
  for (let rank = 0; rank < evidence.length; rank++) {
    const i = evidence[rank]!;
    const read = perSentence(source, 'negation', i, (t) => readNegation(t, language));
    const sentence = source.sentences[i]!.text;
    // Most sentences negate nothing and hold no opposite of the claim's words: nothing to compare.
    if (!claimNegates && !read.cue.includes(true) && !(claimOpposes && hasOpposites(sentence, language))) continue;
    const alone = rank === 0 ? coverageBy(keys.filter((k) => source.idf.has(k)), source, i) : 0;
    const same = rank === 0 && alone >= SAME_PROPOSITION;
    // A further sentence is compared only on what the claim takes from it and from no better one.
    const scope = new Set(keys.filter((k) => source.keys[i]!.has(k) && (same || !evidence.slice(0, rank).some((j) => source.keys[j]!.has(k)))));
    if (scope.size === 0) continue;
    // Outside the claim's own proposition only a dropped negation counts, and only of a word the claim
    // itself states ("has not yet been granted" → "has granted"): a negation the claim adds may come
    // from another sentence, and one over a word the claim does not use negates something else.
    const inSource = negatedSpan(read, scope, !same);
    const inClaim = negatedSpan(claim, scope);
    // "They did not say how many jobs would be lost": a claim that gives the number states what the source withholds.
    const withheld = withheldSpan(read, scope);
    if (withheld && !claimNegates) {
      findings.push({ kind: 'withheld', detail: `the source says “${withheld.span}” (sentence ${i + 1}): it does not give this` });
      return;
    }
    const restated = negatedAntonym(text, sentence, language);
    // "lagged behind prices" for "had not kept pace with prices": a negation in the meaning of the claim's
    // verb stands for the one the same proposition has in the source.
    const paraphrased = same && !inSource && inClaim !== undefined && negatesByMeaning(inClaim.words[0]!) && read.cue.includes(true);
    if ((same || inSource) && Boolean(inSource) !== Boolean(inClaim) && !restated && !paraphrased) {
      if (inSource) {
        findings.push({ kind: 'negation', detail: `the source says “${inSource.span}” (sentence ${i + 1}); the summary states it without the negation` });
      } else if (!negatedInOther(inClaim!, evidence, i, source)) {
        findings.push({ kind: 'negation', detail: `the summary says “${inClaim!.span}” where the source states it (sentence ${i + 1})` });
      }
      return;
    }
    if (restated || !claimOpposes) continue;
    const others = evidence.filter((j) => j !== i).map((j) => source.sentences[j]!.text);
    const flip = same ? antonymFlip(text, sentence, language) : anchoredFlip(text, sentence, scope, others, language);
    if (flip && !phraseInSource(text, flip[0], source)) {
      findings.push({ kind: 'negation', detail: `the summary says “${flip[0]}” where the source says “${flip[1]}” (sentence ${i + 1})` });
      return;
    }
  }
}

/**
 * True when another evidence sentence negates the words the claim negates: a claim combining two sentences
 * ("…, though no bank details were exposed" from "No bank details were exposed, she said.") takes its
 * negation from the one that has it, not from the sentence that states most of its words.
 */
function negatedInOther(span: NegatedSpan, evidence: readonly number[], except: number, source: PreparedSource): boolean {
  const keys = spanKeys(span, source.language);
  return evidence.some((j) => j !== except && negatedSpan(perSentence(source, 'negation', j, (t) => readNegation(t, source.language)), keys) !== undefined);
}

/**
 * True when the source writes the claim's word with the content word after it in the claim ("the first qualifier" in
 * "… and the first qualifier to win it"): the claim took the word from there, whatever the sentence that
 * states most of the claim says ("the second seed").
 */
function phraseInSource(text: string, word: string, source: PreparedSource): boolean {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  const at = words.indexOf(word.toLowerCase());
  const next = at < 0 ? undefined : words[at + 1];
  // Only a content word ties the two: "in favour" or "until 2" could come from anywhere in the source.
  if (!next || STOPWORDS.has(next) || /^\d/.test(next)) return false;
  const haystack = perSource(source, 'phrases', () => ` ${source.text.toLowerCase().replace(/[^\p{L}\p{N}'’-]+/gu, ' ')} `);
  return haystack.includes(` ${words[at]} ${next} `);
}
