// `npm run eval:llm`: the model backend against a loopback fake server's scripted answers (eval/llm/cases.ts,
// plus the seed summary when ../shared/seeds is there). Prints, per case and in all:
//  - faulty sentences that reached the output (the target is 0), faithful sentences kept as the model wrote
//    them, and what the gate did (kept / repaired / replaced / dropped);
//  - the gate's precision and recall on the injected faults: a draft the gate rejected counts as flagged.
// Cases marked hard hold faults today's audit rules are known to miss; they are counted, never hidden.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATE_CASES, type FaultKind, type GateCase, type ScriptedSentence } from './llm/cases.js';
import { runCase, type CaseResult } from './llm/run-case.js';
import { findSeeds, seedSummaryProse } from './llm/seeds.js';
import { parseDrafts } from '../src/summarize/llm/parse.js';

/** The two errors the issue names in the seed summary; its other sentences count as faithful. */
const SEED_FAULTS: ReadonlyArray<[RegExp, FaultKind]> = [
  [/^Sheinbaum highlighted the arrest of 59/, 'misattributed'],
  [/^Both leaders agreed/, 'both-agreed'],
];

function seedCase(): GateCase | undefined {
  const seeds = findSeeds();
  if (!seeds) return undefined;
  const lines = readFileSync(join(seeds, 'article.txt'), 'utf8').trimEnd().split('\n');
  if (/appeared first on/.test(lines.at(-1) ?? '')) lines.pop();
  const sentences: ScriptedSentence[] = parseDrafts(seedSummaryProse(seeds), Infinity).map((d) => {
    const fault = SEED_FAULTS.find(([re]) => re.test(d.text))?.[1];
    return { text: d.text, cites: [], ...(fault ? { fault } : {}) };
  });
  return { name: 'the seed summary as prose (read in place)', article: 'seed', text: lines.join('\n'), shape: 'prose', sentences };
}

interface Tally {
  faults: number;
  faultyPublished: number;
  faithful: number;
  faithfulKept: number;
  flagged: number;
  flaggedFaults: number;
  kept: number;
  repaired: number;
  replaced: number;
  dropped: number;
}

const empty = (): Tally => ({ faults: 0, faultyPublished: 0, faithful: 0, faithfulKept: 0, flagged: 0, flaggedFaults: 0, kept: 0, repaired: 0, replaced: 0, dropped: 0 });

function tallyCase(gateCase: GateCase, result: CaseResult): Tally {
  const faulty = new Set(gateCase.sentences.filter((s) => s.fault).map((s) => s.text));
  // A draft is flagged when its first audit did not support it (a length cut is not a flag).
  const flagged = result.drafts.filter((d) => d.verdict !== 'supported');
  return {
    faults: faulty.size,
    faultyPublished: result.faultyPublished.length,
    faithful: result.faithfulTotal,
    faithfulKept: result.faithfulKept,
    flagged: flagged.length,
    flaggedFaults: flagged.filter((d) => faulty.has(d.text)).length,
    ...result.counts,
  };
}

function add(a: Tally, b: Tally): Tally {
  return Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof Tally] + b[k as keyof Tally]])) as unknown as Tally;
}

const pct = (n: number, d: number): string => (d === 0 ? '    –' : `${((n / d) * 100).toFixed(1)}%`.padStart(6));

async function main(): Promise<void> {
  const seed = seedCase();
  const cases = [...GATE_CASES, ...(seed ? [seed] : [])];
  let all = empty();
  let caught = empty();
  const byKind = new Map<FaultKind, { n: number; flagged: number; published: number }>();
  console.log('model backend (fake server, scripted answers)');
  console.log('case                                                        faults  published  faithful kept  kept/rep/repl/drop');
  for (const gateCase of cases) {
    const result = await runCase(gateCase);
    const t = tallyCase(gateCase, result);
    all = add(all, t);
    if (!gateCase.hard) caught = add(caught, t);
    for (const s of gateCase.sentences.filter((x) => x.fault)) {
      const entry = byKind.get(s.fault!) ?? { n: 0, flagged: 0, published: 0 };
      entry.n += 1;
      if (result.drafts.some((d) => d.text === s.text && d.verdict !== 'supported')) entry.flagged += 1;
      if (result.faultyPublished.includes(s.text)) entry.published += 1;
      byKind.set(s.fault!, entry);
    }
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
  if (!seed) console.log('\n(../shared/seeds not found: the seed case was left out)');
}

await main();
