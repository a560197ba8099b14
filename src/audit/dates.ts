// Dates in a claim against its evidence: a date the source gives for the same event in another form is
// the same date; another date of the same kind in the sentence stating the claim is a changed date.
import type { AuditFinding } from '../model.js';
import { comparable, findDateMentions, sameDate, type DateMention } from '../text/dates.js';
import type { Alignment, PreparedSource } from './align.js';
import { perSentence, perSource } from './sentence-cache.js';

export interface DateSpans {
  /** Character spans of the claim's dates: their numbers are checked here, not as plain numbers. */
  spans: { start: number; end: number }[];
  /** The claim's dates as found: the scheduled-event check reads them too. */
  mentions: DateMention[];
}

export function checkDates(text: string, alignment: Alignment, source: PreparedSource, findings: AuditFinding[]): DateSpans {
  const claim = findDateMentions(text, source.language);
  if (claim.length === 0) return { spans: [], mentions: claim };
  const evidence: { mention: DateMention; sentence: number }[] = alignment.evidence.flatMap((i) =>
    perSentence(source, 'dates', i, (t) => findDateMentions(t, source.language)).map((mention) => ({ mention, sentence: i })),
  );
  let everywhere: DateMention[] | undefined;
  for (const c of claim) {
    if (evidence.some((e) => sameDate(c, e.mention) && comparable(c, e.mention))) continue;
    // A summary sentence may take its date from a source sentence that is not among the evidence for
    // its words ("on Tuesday" from the lead); only a date the source never gives can be a changed one.
    everywhere ??= perSource(source, 'dates', () => findDateMentions(source.text, source.language));
    if (everywhere.some((e) => sameDate(c, e) && comparable(c, e))) continue;
    const other = evidence.find((e) => comparable(c, e.mention) && !sameDate(c, e.mention));
    if (other) findings.push({ kind: 'date', detail: `the summary says ${c.text} where the source says ${other.mention.text} (sentence ${other.sentence + 1})` });
  }
  return { spans: claim.map((c) => ({ start: c.start, end: c.end })), mentions: claim };
}
