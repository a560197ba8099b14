// Story digests by the model, evaluated like article summaries (evaluate.ts) on the scripted digest cases
// (digest-cases.ts) from a loopback fake server: faulty sentences that reached the published digest (target 0),
// faithful sentences kept as the model wrote them, what the gate did, and which drafts it flagged.
import { DIGEST_CASES, type DigestCase } from './digest-cases.js';
import { runDigestCase } from './run-digest-case.js';
import { add, empty, type Tally } from './evaluate.js';

export interface DigestEvaluation {
  cases: Array<{ digestCase: DigestCase; tally: Tally }>;
  all: Tally;
}

export async function evaluateDigestGate(): Promise<DigestEvaluation> {
  const cases: DigestEvaluation['cases'] = [];
  let all = empty();
  for (const digestCase of DIGEST_CASES) {
    const result = await runDigestCase(digestCase);
    const faulty = new Set(digestCase.sentences.filter((s) => s.fault).map((s) => s.text));
    const flagged = result.drafts.filter((d) => d.verdict !== 'supported');
    const tally: Tally = {
      faults: faulty.size,
      faultyPublished: result.faultyPublished.length,
      faithful: result.faithfulTotal,
      faithfulKept: result.faithfulKept,
      flagged: flagged.length,
      flaggedFaults: flagged.filter((d) => faulty.has(d.text)).length,
      ...result.counts,
    };
    cases.push({ digestCase, tally });
    all = add(all, tally);
  }
  return { cases, all };
}
