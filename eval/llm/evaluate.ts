// The model backend evaluated on a loopback fake server's scripted answers (cases.ts, plus the seed summary
// when ../shared/seeds is there): faulty sentences that reached the output (target 0), faithful sentences kept
// as the model wrote them, what the gate did, and its precision and recall on the injected faults (a draft
// the gate rejected counts as flagged). Cases marked hard hold faults today's audit rules are known to miss;
// they are counted, never hidden. `npm run eval:llm` prints it; eval:summarize and eval:audit can call
// evaluateModelGate() for their own rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATE_CASES, type FaultKind, type GateCase, type ScriptedSentence } from './cases.js';
import { runCase, type GatedCaseResult } from './run-case.js';
import { findSeeds, seedSummaryProse } from './seeds.js';
import { parseDrafts } from '../../src/summarize/llm/parse.js';

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

export interface Tally {
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

export const empty = (): Tally => ({ faults: 0, faultyPublished: 0, faithful: 0, faithfulKept: 0, flagged: 0, flaggedFaults: 0, kept: 0, repaired: 0, replaced: 0, dropped: 0 });

/** One case's tally: `sentences` are the scripted drafts, those with a fault among them. */
export function tallyCase({ sentences }: { sentences: ReadonlyArray<{ text: string; fault?: FaultKind }> }, result: GatedCaseResult): Tally {
  const faulty = new Set(sentences.filter((s) => s.fault).map((s) => s.text));
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

export function add(a: Tally, b: Tally): Tally {
  return Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof Tally] + b[k as keyof Tally]])) as unknown as Tally;
}

export interface CaseRow {
  gateCase: GateCase;
  tally: Tally;
}

export interface GateEvaluation {
  cases: CaseRow[];
  /** Every case. */
  all: Tally;
  /** The cases whose faults the rules are meant to catch (not hard). */
  caught: Tally;
  byKind: Map<FaultKind, { n: number; flagged: number; published: number }>;
  seedFound: boolean;
}

export async function evaluateModelGate(): Promise<GateEvaluation> {
  const seed = seedCase();
  const cases: CaseRow[] = [];
  let all = empty();
  let caught = empty();
  const byKind: GateEvaluation['byKind'] = new Map();
  for (const gateCase of [...GATE_CASES, ...(seed ? [seed] : [])]) {
    const result = await runCase(gateCase);
    const tally = tallyCase(gateCase, result);
    cases.push({ gateCase, tally });
    all = add(all, tally);
    if (!gateCase.hard) caught = add(caught, tally);
    for (const s of gateCase.sentences.filter((x) => x.fault)) {
      const entry = byKind.get(s.fault!) ?? { n: 0, flagged: 0, published: 0 };
      entry.n += 1;
      if (result.drafts.some((d) => d.text === s.text && d.verdict !== 'supported')) entry.flagged += 1;
      if (result.faultyPublished.includes(s.text)) entry.published += 1;
      byKind.set(s.fault!, entry);
    }
  }
  return { cases, all, caught, byKind, seedFound: Boolean(seed) };
}
