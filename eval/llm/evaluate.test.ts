// The floor eval:llm holds: on the faults the audit rules are meant to catch, no faulty sentence reaches the
// output, and every faithful sentence of the fictional cases is kept as the model wrote it; the same for story digests.
import { describe, expect, it } from 'vitest';
import { evaluateModelGate } from './evaluate.js';
import { evaluateDigestGate } from './evaluate-digests.js';

describe('eval:llm', () => {
  it('publishes no faulty sentence of the cases the rules are meant to catch, and counts the hard cases too', async () => {
    const { caught, all, cases } = await evaluateModelGate();
    expect(all.faults).toBeGreaterThan(caught.faults);
    expect(caught.faultyPublished).toBe(0);
    expect(caught.flaggedFaults).toBe(caught.faults);
    const fictional = cases.filter((c) => !c.gateCase.text && !c.gateCase.hard);
    for (const { tally } of fictional) expect(tally.faithfulKept).toBe(tally.faithful);
  });

  it('publishes no faulty sentence of a story digest, and keeps every faithful one as written', async () => {
    const { all } = await evaluateDigestGate();
    expect(all.faults).toBeGreaterThan(0);
    expect(all.faultyPublished).toBe(0);
    expect(all.flaggedFaults).toBe(all.faults);
    expect(all.faithfulKept).toBe(all.faithful);
  });
});
