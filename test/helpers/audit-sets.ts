// What the tests of the labelled audit sets share: a set folder read through the loader `eval:audit` uses,
// counts by a key, and the checks every set's articles and fault kinds must pass.
import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { LABEL_OF_KIND } from '../../eval/audit/taxonomy.mjs';
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

/**
 * Checks every article of a set: its id, 200–450 words on one paragraph per line, and a summary of
 * `summary.min`–`summary.max` sentences.
 */
export function expectArticles(cases: AuditCase[], summary: { min: number; max: number }): void {
  for (const c of cases) {
    expect(c.id).toMatch(/^\d\d-[a-z0-9-]+$/);
    const words = c.source.trim().split(/\s+/).length;
    expect(words, c.id).toBeGreaterThanOrEqual(200);
    expect(words, c.id).toBeLessThanOrEqual(450);
    expect(c.source.trim(), c.id).not.toMatch(/\n\s*\n/);
    expect(c.summary.length, c.id).toBeGreaterThanOrEqual(summary.min);
    expect(c.summary.length, c.id).toBeLessThanOrEqual(summary.max);
  }
}

/** Checks that every fault kind of the taxonomy occurs `times` times, under its label, each with a note; returns the faulty sentences. */
export function expectFaultKinds(sentences: LabelledSentence[], times: number): LabelledSentence[] {
  const faulty = sentences.filter((s) => s.label !== 'supported');
  for (const s of faulty) {
    expect(LABEL_OF_KIND[s.kind], `${s.id}: ${s.text}`).toBe(s.label);
    expect(typeof s.note === 'string' && s.note.trim().length > 0, `${s.id}: ${s.text}`).toBe(true);
  }
  expect(countBy(faulty, (s) => s.kind)).toEqual(Object.fromEntries(Object.keys(LABEL_OF_KIND).map((k) => [k, times])));
  return faulty;
}
