// Clustering and pair metrics for the labelled set.

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * B-cubed (Bagga & Baldwin 1998): per item, the share of its predicted cluster that shares its gold
 * label (precision) and the share of its gold cluster that it was predicted with (recall), averaged over
 * items. Unlike pair counts it does not let one huge cluster dominate.
 */
export function bcubed(predicted: Map<string, string>, gold: Map<string, string>): Scores {
  const members = (labels: Map<string, string>): Map<string, Set<string>> => {
    const groups = new Map<string, Set<string>>();
    for (const [item, label] of labels) {
      const set = groups.get(label) ?? new Set<string>();
      set.add(item);
      groups.set(label, set);
    }
    return groups;
  };
  const predictedGroups = members(predicted);
  const goldGroups = members(gold);
  let precision = 0;
  let recall = 0;
  for (const [item, goldLabel] of gold) {
    const predictedLabel = predicted.get(item);
    const mine = predictedLabel === undefined ? new Set([item]) : predictedGroups.get(predictedLabel)!;
    const truth = goldGroups.get(goldLabel)!;
    let both = 0;
    for (const other of mine) if (gold.get(other) === goldLabel) both++;
    precision += both / mine.size;
    recall += both / truth.size;
  }
  const n = gold.size || 1;
  return { precision: precision / n, recall: recall / n, f1: f1(precision / n, recall / n) };
}

/** Unordered pairs within the same group, as "a|b" keys with a < b. */
export function pairsOf(groups: string[][]): Set<string> {
  const pairs = new Set<string>();
  for (const group of groups) {
    const sorted = [...group].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.add(`${sorted[i]}|${sorted[j]}`);
  }
  return pairs;
}

export function pairScores(predicted: Set<string>, gold: Set<string>): Scores {
  let both = 0;
  for (const pair of predicted) if (gold.has(pair)) both++;
  const precision = predicted.size === 0 ? 1 : both / predicted.size;
  const recall = gold.size === 0 ? 1 : both / gold.size;
  return { precision, recall, f1: f1(precision, recall) };
}
