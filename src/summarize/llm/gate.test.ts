// The model gate on scripted answers (eval/llm/cases.ts) from a loopback fake server: the faithful sentences
// are kept with provenance, every faulty one is repaired, replaced by source text or dropped, never published.
import { describe, expect, it } from 'vitest';
import { GATE_CASES } from '../../../eval/llm/cases.js';
import { runCase } from '../../../eval/llm/run-case.js';

describe('the model gate on scripted answers', () => {
  for (const gateCase of GATE_CASES.filter((c) => !c.hard)) {
    it(`${gateCase.name}: keeps the faithful sentences and publishes no faulty one`, async () => {
      const result = await runCase(gateCase);
      expect(result.faultyPublished).toEqual([]);
      expect(result.faithfulKept).toBe(result.faithfulTotal);
      for (const s of result.summary.sentences) {
        expect(s.source.length).toBeGreaterThan(0);
        expect(['llm', 'llm-repaired', 'extractive']).toContain(s.method);
      }
      const faults = gateCase.sentences.filter((s) => s.fault).length;
      expect(result.counts.kept).toBe(result.faithfulTotal);
      expect(result.counts.repaired + result.counts.replaced + result.counts.dropped).toBe(faults);
      // One request for the summary, and one repair request only when something was rejected.
      expect(result.requests - (gateCase.shape === 'json-refused' ? 1 : 0)).toBe(faults > 0 ? 2 : 1);
    });
  }

  it('publishes a repair the auditor supports as llm-repaired, and never a repair that is faulty again', async () => {
    const result = await runCase(GATE_CASES[1]!);
    const repaired = result.summary.sentences.filter((s) => s.method === 'llm-repaired').map((s) => s.text);
    expect(repaired).toEqual(['The mayor said the ferry service had lost $2.4 million last year.']);
    expect(result.summary.text).not.toContain('No fare has ever been fairer');
    expect(result.counts.repaired).toBe(1);
  });

  it('replaces a misattributed sentence by the source sentence it paraphrases, verbatim, with its span', async () => {
    const result = await runCase(GATE_CASES[5]!);
    const replaced = result.summary.sentences.filter((s) => s.method === 'extractive');
    expect(replaced.map((s) => s.text)).toEqual(['Riverside branch manager Tomas Quill said weekend visits had doubled since the branch added Saturday story times last year.']);
    expect(replaced[0]!.source).toHaveLength(1);
  });
});
