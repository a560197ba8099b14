// Greedy selection under a word budget with maximal marginal relevance (MMR): each step takes the
// sentence whose score, less its similarity to what is already chosen, is highest, so the summary
// covers several facts instead of restating the lead.

import type { ScoredSentence } from './features.js';
import { cosine } from './vectors.js';
import type { Standing } from './standalone.js';

/**
 * Balance of relevance against novelty in MMR. 0.7 leans on relevance: news sentences about one event
 * share vocabulary, and a lower value starts preferring off-topic background merely for being different.
 */
export const MMR_LAMBDA = 0.7;

/**
 * How many preceding sentences may be pulled in to give a dependent sentence its antecedent. Two
 * covers "X said…" → "He added…" → "That, he said…"; longer chains cost more budget than they are worth.
 */
export const MAX_ANTECEDENT_CHAIN = 2;

export interface SelectionLimits {
  maxWords: number;
  maxSentences: number;
}

/** Indexes of the chosen sentences, ascending. Deterministic: ties go to the earlier sentence. */
export function selectSentences(
  scored: readonly ScoredSentence[],
  standings: readonly Standing[],
  limits: SelectionLimits,
): number[] {
  const selected = new Set<number>();
  const redundancy = new Array<number>(scored.length).fill(0);
  const ruledOut = new Set<number>();
  let words = 0;

  for (;;) {
    let best: number[] | undefined;
    let bestValue = -Infinity;
    for (let i = 0; i < scored.length; i++) {
      if (selected.has(i) || ruledOut.has(i)) continue;
      // Budget only shrinks, so a sentence that cannot fit on its own never will. A group may still
      // fit later, once one of its antecedents is chosen for its own sake.
      if (standings[i]?.kind === 'excluded' || !fits([i], scored, words, selected.size, limits)) {
        ruledOut.add(i);
        continue;
      }
      const standing = standings[i];
      if (standing && standing.kind !== 'excluded' && standing.leavesQuotationOpen) continue;
      const group = groupFor(i, standings, selected);
      if (!group || !fits(group, scored, words, selected.size, limits)) continue;
      const value = MMR_LAMBDA * (scored[i]?.score ?? 0) - (1 - MMR_LAMBDA) * (redundancy[i] ?? 0);
      if (value > bestValue) {
        bestValue = value;
        best = group;
      }
    }
    if (!best) break;
    for (const index of best) {
      selected.add(index);
      words += scored[index]?.words ?? 0;
      updateRedundancy(redundancy, scored, index);
    }
  }
  return [...selected].sort((a, b) => a - b);
}

/**
 * The sentences to add so that sentence `i` reads correctly: itself, plus its unselected predecessors
 * when it depends on them. Undefined when it cannot be made to read correctly.
 */
function groupFor(
  i: number,
  standings: readonly Standing[],
  selected: ReadonlySet<number>,
): number[] | undefined {
  const group = [i];
  let current = i;
  for (;;) {
    const standing = standings[current];
    if (!standing || standing.kind === 'excluded') return undefined;
    if (standing.kind === 'standalone') return group;
    // The sentence itself can name its speaker instead (see standalone.ts); its antecedents cannot.
    if (current === i && standing.repair) return group;
    const antecedent = current - 1;
    if (antecedent < 0) return undefined;
    if (selected.has(antecedent)) return group;
    if (group.length > MAX_ANTECEDENT_CHAIN) return undefined;
    group.unshift(antecedent);
    current = antecedent;
  }
}

function fits(
  group: readonly number[],
  scored: readonly ScoredSentence[],
  words: number,
  count: number,
  limits: SelectionLimits,
): boolean {
  let cost = 0;
  for (const index of group) cost += scored[index]?.words ?? 0;
  return words + cost <= limits.maxWords && count + group.length <= limits.maxSentences;
}

function updateRedundancy(redundancy: number[], scored: readonly ScoredSentence[], added: number): void {
  const vector = scored[added]?.vector;
  if (!vector) return;
  for (let i = 0; i < scored.length; i++) {
    const candidate = scored[i];
    if (!candidate) continue;
    redundancy[i] = Math.max(redundancy[i] ?? 0, cosine(candidate.vector, vector));
  }
}
