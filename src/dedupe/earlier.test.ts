import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../test/helpers/articles.js';
import { findDuplicatesWithEarlier } from './earlier.js';

const BODY =
  'The Orrin Valley water board voted on Thursday to raise the district rate by four percent from April. ' +
  'Board chair Lise Manford said the increase would pay for replacing the pumping station at Caddow Weir, ' +
  'which dates from 1962. Residents who spoke at the meeting asked for the work to be phased over two years.';

describe('findDuplicatesWithEarlier', () => {
  const original = makeArticle({ id: 'old', title: 'Water rate to rise', text: BODY, published: '2026-11-22T08:00:00.000Z', publisher: 'orrinherald' });
  const copy = makeArticle({ id: 'new', title: 'Orrin Valley water rate rises 4%', text: BODY, published: '2026-11-23T09:00:00.000Z', publisher: 'valleydigest' });
  const unrelated = makeArticle({ id: 'other', title: 'Library opens Sundays', text: 'The Caddow library will open on Sundays from December, the council said.' });

  it("makes this run's copy a duplicate of the earlier original and says where the original came from", () => {
    const groups = findDuplicatesWithEarlier([copy, unrelated], [original]);
    expect(groups).toEqual([{ originalId: 'old', duplicateIds: ['new'], reason: expect.stringMatching(/identical text.*\(the original came in an earlier run\)$/) }]);
  });

  it('never makes an earlier article a copy, and drops groups with nothing of this run', () => {
    // The newer one is this run's; the earlier one, though published first, is left as it was shown.
    const earlierCopy = { ...copy, id: 'shown-yesterday', published: '2026-11-21T08:00:00.000Z' };
    const groups = findDuplicatesWithEarlier([unrelated], [original, earlierCopy]);
    expect(groups).toEqual([]);
    expect(findDuplicatesWithEarlier([original, copy], [])).toEqual([{ originalId: 'old', duplicateIds: ['new'], reason: expect.not.stringContaining('earlier run') }]);
  });
});
