import { describe, it, expect } from 'vitest';
import { STOPWORDS, contentTokens, stem, tokenize, wordCount, wordTokens } from './words.js';

describe('tokenize', () => {
  it('lowercases words and keeps numbers, money and apostrophes whole', () => {
    expect(tokenize('The Harbor’s budget rose 3.2 percent to $4.5 million — 1,200 jobs.')).toEqual([
      'the', "harbor's", 'budget', 'rose', '3.2', 'percent', 'to', '4.5', 'million', '1,200', 'jobs',
    ]);
  });

  it('keeps dotted acronyms and accented names as single tokens', () => {
    expect(tokenize('The U.S. envoy met Inés Ramírez.')).toEqual(['the', 'u.s', 'envoy', 'met', 'inés', 'ramírez']);
  });

  it('splits a comma between words but not between digits', () => {
    expect(tokenize('nets,buoys and 12,500')).toEqual(['nets', 'buoys', 'and', '12,500']);
  });

  it('keeps case in wordTokens', () => {
    expect(wordTokens('Mayor Okafor’s plan')).toEqual(['Mayor', "Okafor's", 'plan']);
  });
});

describe('wordCount', () => {
  it('counts whitespace-separated words but not lone punctuation', () => {
    expect(wordCount('PORT HALLEY — The council voted 5-2 on Monday.')).toBe(8);
    expect(wordCount('  “Yes,” she said.  ')).toBe(3);
    expect(wordCount('')).toBe(0);
    expect(wordCount('— … ”')).toBe(0);
  });

  it('counts words in non-Latin scripts', () => {
    expect(wordCount('Συμβούλιο ψήφισε σήμερα')).toBe(3);
  });
});

describe('contentTokens', () => {
  it('drops stopwords, including said and honorifics', () => {
    expect(contentTokens('Mr. Brandt said the seawall was failing.')).toEqual(['brandt', 'seawall', 'failing']);
    expect(STOPWORDS.has('the')).toBe(true);
    expect(STOPWORDS.has('seawall')).toBe(false);
  });
});

describe('stem', () => {
  it('makes inflections of one word meet', () => {
    expect(new Set(['arrests', 'arrested', 'arresting', 'arrest'].map(stem))).toEqual(new Set(['arrest']));
    expect(new Set(['cooperate', 'cooperated', 'cooperating'].map(stem)).size).toBe(1);
    expect(stem('countries')).toBe(stem('country'));
    expect(stem('stopped')).toBe('stop');
    expect(stem("mexico's")).toBe(stem('mexico'));
  });

  it('leaves short words and words ending in -ss, -us, -is alone', () => {
    expect(stem('news')).toBe('news');
    expect(stem('bus')).toBe('bus');
    expect(stem('boss')).toBe('boss');
    expect(stem('census')).toBe('census');
    expect(stem('crisis')).toBe('crisis');
    expect(stem('killing')).toBe('kill');
  });
});
