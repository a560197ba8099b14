import { describe, expect, it } from 'vitest';
import { makeArticle } from '../test/helpers/articles.js';
import { RunArticles } from './pipeline-stories.js';

describe('RunArticles', () => {
  it('keeps what dedupe, clustering and ranking need of each article, and lets all of it go once released', () => {
    const read = new RunArticles([]);
    read.add(makeArticle({ id: 'a1', title: 'Ferry fares rise in Corlan', text: 'The Corlan ferry company raised its fares by ten percent on Monday.' }));
    read.add(makeArticle({ id: 'a2', title: 'Corlan library reopens', text: 'The Corlan library reopened on Tuesday after a new roof was fitted.' }));
    expect([read.size, read.has('a1'), read.metas().map((a) => a.id), read.ranked.length, read.terms.rowOf.size]).toEqual([2, true, ['a1', 'a2'], 2, 2]);
    read.release();
    expect([read.size, read.has('a1'), read.metas(), read.ranked.length, read.terms.rowOf.size]).toEqual([0, false, [], 0, 0]);
  });

  it('lets go of what dedupe reads once deduped, and of the term counts once clustered, keeping what ranking reads', () => {
    const read = new RunArticles([]);
    read.add(makeArticle({ id: 'b1', title: 'Harbour crane repaired', text: 'The Selwick harbour crane was repaired on Friday after a month out of use.' }));
    read.add(makeArticle({ id: 'b2', title: 'School bus route changes', text: 'The Selwick school bus will take a new route from Monday, the district said.' }));
    read.releaseFingerprints();
    expect([read.dedupe.length, read.size, read.metas().map((a) => a.id), read.terms.table.size]).toEqual([0, 2, ['b1', 'b2'], 2]);
    read.releaseTerms();
    expect([read.terms.table.size, read.has('b2'), read.ranked.map((a) => a.id), read.ranked[0]!.words]).toEqual([0, true, ['b1', 'b2'], 14]);
  });
});
