// Sparse term vectors over one article's vocabulary. Terms are interned to integer ids and kept sorted,
// so a cosine is a merge of two short typed arrays instead of string-keyed map lookups: MMR compares
// candidates with every chosen sentence, which makes this the summarizer's inner loop.

export interface TermVector {
  /** Term ids, ascending. */
  ids: Int32Array;
  /** Weight of each id, same order. */
  weights: Float64Array;
  norm: number;
}

/** A vector from (term id, weight) pairs with distinct ids, in any order. */
export function termVector(entries: ReadonlyArray<readonly [id: number, weight: number]>): TermVector {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const ids = new Int32Array(sorted.length);
  const weights = new Float64Array(sorted.length);
  let squares = 0;
  sorted.forEach(([id, weight], i) => {
    ids[i] = id;
    weights[i] = weight;
    squares += weight * weight;
  });
  return { ids, weights, norm: Math.sqrt(squares) };
}

export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const left = a.ids[i] ?? 0;
    const right = b.ids[j] ?? 0;
    if (left === right) dot += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (left < right) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** TF × smoothed IDF vectors, sentences being the documents; input is each sentence's term counts. */
export function tfIdfVectors(counts: readonly Map<string, number>[]): { vectors: TermVector[]; vocabulary: number } {
  const ids = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const termCounts of counts) {
    for (const term of termCounts.keys()) {
      let id = ids.get(term);
      if (id === undefined) {
        id = documentFrequency.length;
        ids.set(term, id);
      }
      documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
    }
  }
  const n = counts.length;
  const vectors = counts.map((termCounts) =>
    termVector(
      [...termCounts].map(([term, tf]): [number, number] => {
        const id = ids.get(term) ?? 0;
        return [id, tf * (Math.log((n + 1) / ((documentFrequency[id] ?? 0) + 1)) + 1)];
      }),
    ),
  );
  return { vectors, vocabulary: documentFrequency.length };
}

/**
 * Cosine of each vector with the sum of all the others (the centroid minus itself), so a long sentence
 * does not look central merely by being a large part of the centroid.
 */
export function leaveOneOutCentrality(vectors: readonly TermVector[], vocabulary: number): number[] {
  const centroid = new Float64Array(vocabulary);
  for (const vector of vectors) {
    vector.ids.forEach((id, k) => {
      centroid[id] = (centroid[id] ?? 0) + (vector.weights[k] ?? 0);
    });
  }
  let centroidSquares = 0;
  for (const weight of centroid) centroidSquares += weight * weight;

  return vectors.map((vector) => {
    if (vector.norm === 0) return 0;
    let dotWithCentroid = 0;
    vector.ids.forEach((id, k) => {
      dotWithCentroid += (vector.weights[k] ?? 0) * (centroid[id] ?? 0);
    });
    const selfSquares = vector.norm * vector.norm;
    const dot = dotWithCentroid - selfSquares;
    const restSquares = centroidSquares - 2 * dotWithCentroid + selfSquares;
    return restSquares > 0 && dot > 0 ? dot / (vector.norm * Math.sqrt(restSquares)) : 0;
  });
}
