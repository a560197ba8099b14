import { describe, expect, it } from 'vitest';
import { DEFAULT_RANK_SETTINGS, rankCandidates } from './index.js';
import { compileRules, describeRule, matchRules, readRule } from './rules.js';
import type { Candidate, Rule, Story } from '../model.js';
import { makeArticle } from '../../test/helpers/articles.js';

// A small fictional day: the quarry story two publishers carry, a ferry fare story, and a bakery feature.
const articles = [
  makeArticle({ id: 'q1', title: 'Quarry blasting paused after cracks appear', text: 'Residents of Tolland Rise reported cracked walls near the quarry.', publisher: 'valleyledger', publisherName: 'Valley Ledger', published: '2026-11-22T12:00:00Z', byline: ['Mara Quill'] }),
  makeArticle({ id: 'q2', title: 'Tolland quarry halts blasts', text: 'The quarry owner halted blasting while engineers inspect the homes.', publisher: 'harborgazette', published: '2026-11-22T11:00:00Z', byline: ['Tobin Ash'] }),
  makeArticle({ id: 'f1', title: 'Ferry fares to rise in spring', text: 'The island ferry board voted to raise fares by four percent.', publisher: 'islandwire', publisherName: 'Island Wire', published: '2026-11-22T10:00:00Z', byline: ['Ines Calloway'] }),
  makeArticle({ id: 'b1', title: 'Harbor bakery turns fifty', text: 'The bakery on Wharf Street has sold rye loaves since 1976.', publisher: 'islandwire', publisherName: 'Island Wire', published: '2026-11-21T09:00:00Z', byline: ['Mara Quill and Tobin Ash'] }),
];
const stories: Story[] = [
  { id: 's-quarry', label: 'Quarry blasting paused', articleIds: ['q1', 'q2'], publishers: ['harborgazette', 'valleyledger'] },
  { id: 's-ferry', label: 'Ferry fares to rise', articleIds: ['f1'], publishers: ['islandwire'] },
  { id: 's-bakery', label: 'Harbor bakery turns fifty', articleIds: ['b1'], publishers: ['islandwire'] },
];

const rule = (action: Rule['action'], field: Rule['field'], value: string, id?: number): Rule => ({ action, field, value, ...(id !== undefined ? { id } : {}) });
const rank = (rules: Rule[], decisions = new Map()) =>
  rankCandidates({ articles, stories, duplicates: [], initialRanks: new Map(), settings: { ...DEFAULT_RANK_SETTINGS, rules }, decisions });
const order = (ranked: Candidate[]) => ranked.map((c) => c.articleId);
const boost = (c: Candidate | undefined) => c!.components.find((p) => p.name === 'boost')!;

describe('mute and boost rules in the ranking', () => {
  const plain = rank([]);

  it('ranks as without rules when none is given, with a boost component of 0 that says so', () => {
    expect(order(plain)).toEqual(['q1', 'f1', 'b1', 'q2']);
    for (const c of plain) expect(boost(c)).toEqual({ name: 'boost', value: 0, weight: 1, contribution: 0, detail: 'no boost rule matches' });
  });

  it('moves a muted publisher below every article not muted, keeps its score, and says which rule did it', () => {
    const ranked = rank([rule('mute', 'publisher', 'valleyledger', 3)]);
    // The quarry story stays at the top, led now by the article not muted; q1 goes last.
    expect(order(ranked)).toEqual(['q2', 'f1', 'b1', 'q1']);
    const q1 = ranked.find((c) => c.articleId === 'q1')!;
    expect(q1).toMatchObject({ rank: 4, muted: 'publisher valleyledger (rule 3)', score: plain.find((c) => c.articleId === 'q1')!.score });
    expect(ranked.filter((c) => c.muted).map((c) => c.articleId)).toEqual(['q1']);
  });

  it('mutes by publisher name, by a name in the byline, and by story', () => {
    expect(rank([rule('mute', 'publisher', 'island wire')]).filter((c) => c.muted).map((c) => c.articleId).sort()).toEqual(['b1', 'f1']);
    // "Quill" is a word of "Mara Quill" and of "Mara Quill and Tobin Ash"; "Tobin" alone is in q2 and b1.
    expect(rank([rule('mute', 'author', 'Quill')]).filter((c) => c.muted).map((c) => c.articleId).sort()).toEqual(['b1', 'q1']);
    expect(rank([rule('mute', 'author', 'mara tobin')]).filter((c) => c.muted)).toEqual([]);
    const story = rank([rule('mute', 'story', 's-quarry')]);
    expect(order(story)).toEqual(['f1', 'b1', 'q1', 'q2']);
    expect(story.find((c) => c.articleId === 'q2')!.muted).toBe('story s-quarry (config)');
  });

  it('boosts by keyword in any inflection, in the headline or the text, and the boost is part of the score', () => {
    const ranked = rank([rule('boost', 'keyword', 'bakeries', 7)]);
    expect(order(ranked)[0]).toBe('b1');
    const b1 = ranked[0]!;
    expect(boost(b1)).toEqual({ name: 'boost', value: 1, weight: 1, contribution: 1, detail: 'boosted by keyword bakeries (rule 7)' });
    expect(b1.score).toBeCloseTo(plain.find((c) => c.articleId === 'b1')!.score + 1, 4);
    // A phrase matches only as a phrase: "rye loaves" is in b1's text, "loaves rye" nowhere.
    expect(boost(rank([rule('boost', 'keyword', 'rye loaves')]).find((c) => c.articleId === 'b1')).value).toBe(1);
    expect(rank([rule('boost', 'keyword', 'loaves rye')]).every((c) => boost(c).value === 0)).toBe(true);
  });

  it('lists every boost that matched, and a boost still respects the one-article-per-story cap', () => {
    const ranked = rank([rule('boost', 'publisher', 'harborgazette', 1), rule('boost', 'author', 'Tobin Ash', 2)]);
    const q2 = ranked.find((c) => c.articleId === 'q2')!;
    expect(boost(q2).detail).toBe('boosted by publisher harborgazette (rule 1), author "Tobin Ash" (rule 2)');
    expect(boost(q2).value).toBe(1);
    // q2 now outscores q1, so it leads the quarry story and q1 is the one the story cap moves down.
    expect(order(ranked).indexOf('q2')).toBeLessThan(order(ranked).indexOf('q1'));
    expect(ranked.find((c) => c.articleId === 'q1')!.capped).toMatch(/story cap/);
  });

  it("keeps an editor's pin over a mute, and puts rejected articles after muted ones", () => {
    const decisions = new Map([
      ['q1', { pinnedRank: 1 }],
      ['f1', { usage: 'rejected' as const }],
    ]);
    const ranked = rank([rule('mute', 'publisher', 'valleyledger'), rule('mute', 'keyword', 'bakery')], decisions);
    expect(order(ranked)).toEqual(['q1', 'q2', 'b1', 'f1']);
    expect(ranked[0]).toMatchObject({ pinned: 1, muted: 'publisher valleyledger (config)' });
  });
});

describe('readRule', () => {
  it('tidies what it takes and says what is wrong with what it does not', () => {
    expect(readRule({ action: 'mute', field: 'publisher', value: '  IslandWire ' })).toEqual({ action: 'mute', field: 'publisher', value: 'islandwire' });
    expect(readRule({ action: 'boost', field: 'keyword', value: 'dam   repairs', note: ' levy ' })).toEqual({ action: 'boost', field: 'keyword', value: 'dam repairs', note: 'levy' });
    expect(readRule({ action: 'hide', field: 'publisher', value: 'x' })).toBe('the action must be mute or boost (got "hide")');
    expect(readRule({ action: 'mute', field: 'section', value: 'x' })).toBe('a rule matches keyword, publisher, author, story (got "section")');
    expect(readRule({ action: 'mute', field: 'topic', value: 'x' })).toBe(
      'a rule matches keyword, publisher, author, story (got "topic": for a topic, use keyword with its words, or story with its id)',
    );
    expect(readRule({ action: 'mute', field: 'keyword', value: ' ' })).toBe('give the keyword to mute');
    expect(readRule({ action: 'mute', field: 'keyword', value: '!!' })).toBe('the keyword "!!" has no word to match');
    expect(readRule({ action: 'mute', field: 'story', value: 's 1' })).toMatch(/^"s 1" is not a story id/);
    expect(readRule({ action: 'boost', field: 'author', value: 'x'.repeat(201) })).toBe('the author is longer than 200 characters');
  });

  it('keeps no control character or terminal escape of a value or note', () => {
    expect(readRule({ action: 'mute', field: 'keyword', value: '\u001b[31mdam\u0007 \u0000repairs\u009b', note: 'seen\u001b]0;title\u0007 twice' })).toEqual({
      action: 'mute',
      field: 'keyword',
      value: 'dam repairs',
      note: 'seen twice',
    });
    expect(readRule({ action: 'mute', field: 'publisher', value: '\u0001\u001b[2J' })).toBe('give the publisher to mute');
  });

  it('names rules the way explanations and lists show them', () => {
    expect(describeRule({ action: 'boost', field: 'keyword', value: 'dam repairs' })).toBe('boost keyword "dam repairs"');
    const [compiled] = compileRules([rule('mute', 'publisher', 'islandwire', 4)]);
    expect(compiled!.label).toBe('publisher islandwire (rule 4)');
    expect(matchRules(articles[2]!, 's-ferry', compileRules([]))).toEqual({ mutes: [], boosts: [] });
  });
});
