// A dated event the source announces ("The final decision will be made by the full council on January 19",
// "released her on bail until sentencing on March 14") that a summary reports as done ("The full council
// approved the plans on January 19"). Their words differ, so the word-by-word modality check cannot pair
// them: the date does. English only: the markers are English words.
import { findDateMentions, MONTHS, sameDate, type DateMention } from '../text/dates.js';
import { english } from '../text/languages/index.js';
import type { PreparedSource } from './align.js';
import { perSentence } from './sentence-cache.js';

/**
 * Words that, before a date in its clause, put what happens on it still to come: future and modal verbs,
 * "is due to", "is scheduled", "set for", "ahead of", and "until" followed by an event ("until sentencing
 * on March 14"; "closed until March 14" ends a state and announces nothing).
 */
const SCHEDULED_RE = new RegExp(
  String.raw`\b(?:will|would|shall|is\s+due|are\s+due|due\s+to|is\s+expected|are\s+expected|(?:is|are)\s+(?:scheduled|set|to)|scheduled\s+for|set\s+for|plans?\s+to|pending|ahead\s+of)\b|\buntil\s+(?:the\s+)?(?!(?:${MONTHS.join('|')})\b)\p{Ll}`,
  'iu',
);

/** A past-tense verb in a claim's clause: regular, or an irregular one news copy uses for decisions and acts. Not after a determiner ("the delayed vote"). */
const PAST_VERB_RE =
  /(?<!\b(?:the|a|an|its|their|his|her|this|that)\s+)\b(?:\p{Ll}+ed|sent|made|held|began|took|gave|won|met|chose|brought|told|left|found|went|came|ran|paid|sold|built|struck|shut|passed)\b/u;

/** Where the clause holding a date starts: the last sentence-internal break before it. */
const CLAUSE_BREAK_RE = /[;:—–]|,\s*(?:and|but|while|which|who)\s/g;

/** Characters of a clause read before a date: enough for a verb and its object. */
const CLAUSE_WINDOW = 100;

/**
 * Words between a claim's past-tense verb and the date it is said to have happened on: "approved the plans
 * on January 19". Further away, the date belongs to something else in the clause.
 */
const VERB_REACH_WORDS = 8;

/** "on January 19": the date an act happened on. "from March 2", "by May 1" date something else. */
const ON_DATE_RE = /\bon\s+(?:\p{Lu}\p{Ll}+day,?\s+)?$/u;

function clauseBefore(text: string, at: number): string {
  const window = text.slice(Math.max(0, at - CLAUSE_WINDOW), at);
  let start = 0;
  CLAUSE_BREAK_RE.lastIndex = 0;
  for (let m = CLAUSE_BREAK_RE.exec(window); m; m = CLAUSE_BREAK_RE.exec(window)) start = m.index + m[0].length;
  return window.slice(start);
}

export interface ScheduledAsDone {
  /** The source's clause announcing the dated event. */
  source: string;
  sentence: number;
  /** The claim's clause reporting it as done. */
  claim: string;
}

/**
 * The first date of the claim (`dates`: its dates as the date check found them) that it reports something
 * done on, where every source sentence giving that date announces it.
 */
export function scheduledAsDone(text: string, dates: readonly DateMention[], source: PreparedSource): ScheduledAsDone | undefined {
  if (source.language !== english) return undefined;
  for (const date of dates) {
    if (date.month === undefined || date.day === undefined) continue;
    const claim = clauseBefore(text, date.start);
    if (!ON_DATE_RE.test(claim) || SCHEDULED_RE.test(claim)) continue;
    if (!PAST_VERB_RE.test(claim.split(/\s+/).slice(-VERB_REACH_WORDS - 2).join(' '))) continue;
    const giving = source.sentences.flatMap((s, i) =>
      perSentence(source, 'dates', i, (t) => findDateMentions(t, english))
        .filter((d: DateMention) => d.month !== undefined && d.day !== undefined && sameDate(d, date))
        .map((d: DateMention) => ({ sentence: i, clause: clauseBefore(s.text, d.start) })),
    );
    if (giving.length === 0 || !giving.every((g) => SCHEDULED_RE.test(g.clause))) continue;
    return { source: `${giving[0]!.clause.trim()} ${date.text}`, sentence: giving[0]!.sentence, claim: `${claim.trim()} ${date.text}` };
  }
  return undefined;
}
