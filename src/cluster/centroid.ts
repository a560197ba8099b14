// A story's centroid while clustering: the sum of its members' unit vectors, as term numbers in ascending order
// and their weights, in two typed arrays. It was a Map from term to weight: about 75 bytes a term (the map's
// entries and slack, and a boxed number for every weight), and a run of undated articles keeps every story
// open, so 100,000 of them held some 2 million terms, 150 MB, while clustering. Here a term is 12 bytes.
// Sums are taken term by term in the order the members joined, so every weight and squared length is the
// same number the map gave.

/** Term strings as small numbers, for one clustering. */
export class TermNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];

  number(term: string): number {
    let n = this.numbers.get(term);
    if (n === undefined) {
      n = this.terms.length;
      this.numbers.set(term, n);
      this.terms.push(term);
    }
    return n;
  }

  term(n: number): string {
    return this.terms[n]!;
  }
}

const NO_NUMBERS = new Int32Array(0);
const NO_WEIGHTS = new Float64Array(0);

export class Centroid {
  private numbers: Int32Array = NO_NUMBERS;
  private weights: Float64Array = NO_WEIGHTS;

  get size(): number {
    return this.numbers.length;
  }

  /** The weight of a term (0 when the centroid lacks it). */
  get(term: number): number {
    const at = this.find(term);
    return at < 0 ? 0 : this.weights[at]!;
  }

  /**
   * Adds a vector, its terms and weights in the vector's own order, and returns `norm2` (the squared length
   * before) grown term by term in that order, as the squared length after.
   */
  add(terms: readonly number[], weights: readonly number[], norm2: number): number {
    const fresh: number[] = [];
    for (let k = 0; k < terms.length; k++) {
      const at = this.find(terms[k]!);
      const before = at < 0 ? 0 : this.weights[at]!;
      const weight = weights[k]!;
      norm2 += 2 * before * weight + weight * weight;
      if (at < 0) fresh.push(k);
      else this.weights[at] = before + weight;
    }
    if (fresh.length > 0) this.merge(fresh.map((k) => terms[k]!), fresh.map((k) => weights[k]!));
    return norm2;
  }

  /** Every term with its weight, in term-number order. */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.numbers.length; i++) yield [this.numbers[i]!, this.weights[i]!];
  }

  /** Forgets every term: a closed story's centroid is no longer needed. */
  clear(): void {
    this.numbers = NO_NUMBERS;
    this.weights = NO_WEIGHTS;
  }

  private find(term: number): number {
    let [low, high] = [0, this.numbers.length - 1];
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = this.numbers[mid]!;
      if (at === term) return mid;
      if (at < term) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  private merge(terms: number[], weights: number[]): void {
    const order = terms.map((_, k) => k).sort((a, b) => terms[a]! - terms[b]!);
    const size = this.numbers.length + terms.length;
    const numbers = new Int32Array(size);
    const merged = new Float64Array(size);
    let [i, j, out] = [0, 0, 0];
    while (i < this.numbers.length || j < order.length) {
      if (j >= order.length || (i < this.numbers.length && this.numbers[i]! < terms[order[j]!]!)) {
        numbers[out] = this.numbers[i]!;
        merged[out++] = this.weights[i++]!;
      } else {
        numbers[out] = terms[order[j]!]!;
        merged[out++] = weights[order[j++]!]!;
      }
    }
    this.numbers = numbers;
    this.weights = merged;
  }
}
