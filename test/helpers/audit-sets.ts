// What the tests of the labelled audit sets share: a set folder read through the loader `eval:audit` uses,
// and counts by a key.
import { readdirSync } from 'node:fs';
import { loadAuditCase, type AuditCase } from '../../eval/audit-sets.js';

export type LabelledSentence = AuditCase['summary'][number] & { note?: unknown; id: string };

/** Every NN-slug.yaml of a set folder, in file order, with its cases and their sentences tagged by case id. */
export function readAuditSet(dir: string): { files: string[]; cases: AuditCase[]; sentences: LabelledSentence[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const cases = files.map((f) => loadAuditCase(dir, f));
  const sentences = cases.flatMap((c) => c.summary.map((s) => ({ ...s, id: c.id }) as LabelledSentence));
  return { files, cases, sentences };
}

/** How many items have each value of `key`. */
export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
