// Editors' decisions applied to a ranking: a rejected article leaves the top of the list, a pinned one takes
// the place an editor gave it, and everything else keeps its order by score. Runs and editorial actions
// arrange through this one function, so a decision holds the same way whoever writes last.
import type { Candidate, Usage } from '../model.js';

/** What an editor decided about one article; kept by the store across runs. */
export interface Decision {
  usage?: Usage;
  /** 1-based place the article is pinned at. */
  pinnedRank?: number;
}

/** Usages an editor sets that outrank what a run decides (dedupe owns candidate and duplicate). */
const EDITOR_CHOICES: ReadonlySet<Usage> = new Set(['selected', 'background', 'rejected']);

/**
 * Orders `candidates` (any order; each keeps its `baseRank`, the order by score and diversity alone) as
 * decided: originals that are not rejected, then rejected originals, then copies, each in base order; then
 * each pinned article (not rejected, not a copy) is put at its pinned place, lowest place first.
 */
export function arrange(candidates: Candidate[], decisions: Map<string, Decision>): Candidate[] {
  const base = [...candidates].sort((a, b) => baseOf(a) - baseOf(b) || a.articleId.localeCompare(b.articleId));
  const decided = base.map((c): Candidate => {
    const { pinned: _old, ...rest } = c;
    const decision = decisions.get(c.articleId);
    const usage: Usage =
      c.usage === 'duplicate' ? 'duplicate' : decision?.usage === undefined ? c.usage : EDITOR_CHOICES.has(decision.usage) ? decision.usage : 'candidate';
    const pinned = usage !== 'duplicate' && usage !== 'rejected' ? decision?.pinnedRank : undefined;
    return { ...rest, baseRank: baseOf(c), usage, ...(pinned !== undefined ? { pinned } : {}) };
  });
  const group = (c: Candidate): number => (c.usage === 'duplicate' ? 2 : c.usage === 'rejected' ? 1 : 0);
  const ordered = [0, 1, 2].flatMap((g) => decided.filter((c) => group(c) === g && c.pinned === undefined));
  const pins = decided.filter((c) => c.pinned !== undefined).sort((a, b) => a.pinned! - b.pinned! || a.baseRank! - b.baseRank!);
  for (const pin of pins) ordered.splice(Math.min(Math.max(1, pin.pinned!), ordered.length + 1) - 1, 0, pin);
  // `decided` holds copies made here: they are numbered in place rather than copied again (a 100,000-article
  // run made each copy of its candidates ~15 MB of garbage at its ranking's end).
  ordered.forEach((c, i) => (c.rank = i + 1));
  return ordered;
}

function baseOf(c: Candidate): number {
  return c.baseRank ?? c.rank;
}
