import { describe, expect, it } from 'vitest';
import { clusterStories } from './index.js';
import { makeArticle } from '../../test/helpers/articles.js';

const bridge = [
  makeArticle({ id: 'b1', publisher: 'harborgazette', published: '2026-11-21T09:00:00Z', title: 'Kestrel Point bridge closed after inspectors find cracked girder',
    text: 'Inspectors closed the Kestrel Point bridge on Friday after finding a cracked steel girder beneath the northbound lanes. Drivers were sent on a 14-mile detour through Alder Falls. “We will not reopen the span until the girder is replaced,” said Tomas Brandt, the county engineer.' }),
  makeArticle({ id: 'b2', publisher: 'valleyledger', published: '2026-11-21T13:00:00Z', title: 'Cracked girder shuts Kestrel Point bridge',
    text: 'A cracked girder has shut the Kestrel Point bridge, county engineer Tomas Brandt said, forcing commuters onto a long detour via Alder Falls. Repairs could take six weeks.' }),
  makeArticle({ id: 'b3', publisher: 'islandwire', published: '2026-11-22T08:00:00Z', title: 'Alder Falls shops see detour traffic as Kestrel Point bridge stays shut',
    text: 'Shops in Alder Falls reported a surge of customers as drivers detoured around the closed Kestrel Point bridge, where inspectors found a cracked girder on Friday.' }),
];
const library = makeArticle({ id: 'l1', publisher: 'pinecrestherald', published: '2026-11-21T10:00:00Z', title: 'Pinecrest library adds Sunday hours',
  text: 'The Pinecrest public library will open on Sundays from January, the library board decided on Thursday, after a petition signed by 1,200 residents.' });

describe('clusterStories', () => {
  it('groups reports of one event across publishers and keeps another event apart', () => {
    const stories = clusterStories([...bridge, library]);
    const groups = stories.map((s) => [...s.articleIds].sort()).sort((a, b) => a.length - b.length);
    expect(groups).toEqual([['l1'], ['b1', 'b2', 'b3']]);
    const bridgeStory = stories.find((s) => s.articleIds.includes('b1'))!;
    expect(bridgeStory.publishers).toEqual(['harborgazette', 'islandwire', 'valleyledger']);
  });

  it('names a story after its founding article so the id is stable whatever the input order', () => {
    const a = clusterStories([...bridge, library]).find((s) => s.articleIds.includes('b2'))!;
    const b = clusterStories([library, bridge[2]!, bridge[1]!, bridge[0]!]).find((s) => s.articleIds.includes('b2'))!;
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^s-[0-9a-f]{12}$/);
    expect(bridge.map((x) => x.title)).toContain(a.label);
  });

  it('adds copies to their original’s story without counting their publisher', () => {
    const stories = clusterStories(bridge, new Map([['b1', ['copy-1']]]));
    expect(stories).toHaveLength(1);
    expect(stories[0]!.articleIds).toContain('copy-1');
    expect(stories[0]!.publishers).toHaveLength(3);
  });

  it('keeps alike reports apart when they are further apart in time than the window', () => {
    const lastYear = { ...bridge[1]!, id: 'old', published: '2025-11-21T13:00:00Z' };
    const stories = clusterStories([bridge[0]!, lastYear]);
    expect(stories).toHaveLength(2);
  });
});
