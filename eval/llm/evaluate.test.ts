// The floor eval:llm holds: on the faults the audit rules are meant to catch, no faulty sentence reaches the
// output, and every faithful sentence of the fictional cases is kept as the model wrote it.
import { describe, expect, it } from 'vitest';
import { evaluateModelGate } from './evaluate.js';

describe('eval:llm', () => {
  it('publishes no faulty sentence of the cases the rules are meant to catch, and counts the hard cases too', async () => {
    const { caught, all, cases } = await evaluateModelGate();
    expect(all.faults).toBeGreaterThan(caught.faults);
    expect(caught.faultyPublished).toBe(0);
    expect(caught.flaggedFaults).toBe(caught.faults);
    const fictional = cases.filter((c) => !c.gateCase.text && !c.gateCase.hard);
    for (const { tally } of fictional) expect(tally.faithfulKept).toBe(tally.faithful);
  });
});
