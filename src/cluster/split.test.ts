import { describe, expect, it } from 'vitest';
import { splitEvents } from './split.js';
import type { TermVector } from './vectors.js';

/** A unit vector over the given terms, equal weights. */
const unit = (...terms: string[]): TermVector => new Map(terms.map((t) => [t, 1 / Math.sqrt(terms.length)]));

describe('splitEvents', () => {
  // Two council votes in one town: every article names the town and the council; each vote has its own words.
  const ferry1 = unit('corrin', 'bay', 'council', 'ferry', 'parking', 'charge');
  const ferry2 = unit('corrin', 'bay', 'council', 'ferry', 'parking', 'fee');
  const lets1 = unit('corrin', 'bay', 'council', 'holiday', 'lets', 'cap');
  const lets2 = unit('corrin', 'bay', 'holiday', 'lets', 'cap', 'rentals');

  it('cuts a later event off the earlier one when its articles say more to each other than to what came before', () => {
    const parts = splitEvents(['f1', 'f2', 'l1', 'l2'], (id) => ({ f1: ferry1, f2: ferry2, l1: lets1, l2: lets2 })[id]!);
    expect(parts).toEqual([['f1', 'f2'], ['l1', 'l2']]);
  });

  it('keeps one event told in several articles whole', () => {
    const same = [ferry1, ferry2, unit('corrin', 'bay', 'ferry', 'parking', 'charge', 'commuters'), unit('bay', 'council', 'ferry', 'parking', 'fee', 'terminal')];
    expect(splitEvents([0, 1, 2, 3], (i) => same[i]!)).toEqual([[0, 1, 2, 3]]);
  });

  it('never cuts off a single article: a lone follow-up in other words stays with its story', () => {
    expect(splitEvents(['f1', 'f2', 'l1'], (id) => ({ f1: ferry1, f2: ferry2, l1: lets1 })[id]!)).toEqual([['f1', 'f2', 'l1']]);
  });
});
