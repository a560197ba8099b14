// Story digests by the model, evaluated like article summaries (evaluate.ts) on the scripted digest cases
// (digest-cases.ts) from a loopback fake server: faulty sentences that reached the published digest (target 0),
// faithful sentences kept as the model wrote them, what the gate did, and which drafts it flagged.
import { DIGEST_CASES, type DigestCase } from './digest-cases.js';
import { runDigestCase } from './run-digest-case.js';
import { add, empty, tallyCase, type Tally } from './evaluate.js';

export interface DigestEvaluation {
  cases: Array<{ digestCase: DigestCase; tally: Tally }>;
  all: Tally;
}

export async function evaluateDigestGate(): Promise<DigestEvaluation> {
  const cases: DigestEvaluation['cases'] = [];
  let all = empty();
  for (const digestCase of DIGEST_CASES) {
    const tally = tallyCase(digestCase, await runDigestCase(digestCase));
    cases.push({ digestCase, tally });
    all = add(all, tally);
  }
  return { cases, all };
}
