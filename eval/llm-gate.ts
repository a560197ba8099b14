// `npm run eval:llm`: the model backend against a loopback fake server's scripted answers, with the gate's
// precision and recall on injected faults (eval/llm/evaluate.ts says how it is measured).
import { evaluateModelGate, type Tally } from './llm/evaluate.js';
import { evaluateDigestGate } from './llm/evaluate-digests.js';

const pct = (n: number, d: number): string => (d === 0 ? '    –' : `${((n / d) * 100).toFixed(1)}%`.padStart(6));

const { cases, all, caught, byKind, seedFound } = await evaluateModelGate();
console.log('model backend (fake server, scripted answers)');
console.log('case                                                        faults  published  faithful kept  kept/rep/repl/drop');
for (const { gateCase, tally: t } of cases) {
  const name = `${gateCase.hard ? '(hard) ' : ''}${gateCase.name}`.slice(0, 58).padEnd(58);
  console.log(`${name}  ${String(t.faults).padStart(6)}  ${String(t.faultyPublished).padStart(9)}  ${`${t.faithfulKept}/${t.faithful}`.padStart(13)}  ${t.kept}/${t.repaired}/${t.replaced}/${t.dropped}`);
}
const row = (label: string, t: Tally): void =>
  console.log(`${label.padEnd(40)} faulty sentences published ${t.faultyPublished} of ${t.faults}; faithful kept ${t.faithfulKept}/${t.faithful}; gate precision ${pct(t.flaggedFaults, t.flagged)}, recall ${pct(t.flaggedFaults, t.faults)}`);
console.log('');
row('all cases', all);
row('cases the rules are meant to catch', caught);
console.log('\nrecall by fault kind          n  flagged  published');
for (const [kind, e] of [...byKind].sort()) console.log(`  ${kind.padEnd(24)} ${String(e.n).padStart(3)}  ${String(e.flagged).padStart(7)}  ${String(e.published).padStart(9)}`);
if (!seedFound) console.log('\n(../shared/seeds not found: the seed case was left out)');

const digests = await evaluateDigestGate();
console.log('\nstory digests (fake server, scripted answers; each sentence checked against the article it cites)');
for (const { digestCase, tally: t } of digests.cases) {
  console.log(`${digestCase.name.slice(0, 58).padEnd(58)}  ${String(t.faults).padStart(6)}  ${String(t.faultyPublished).padStart(9)}  ${`${t.faithfulKept}/${t.faithful}`.padStart(13)}  ${t.kept}/${t.repaired}/${t.replaced}/${t.dropped}`);
}
row('story digests', digests.all);
