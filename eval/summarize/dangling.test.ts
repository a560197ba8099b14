import { describe, expect, it } from 'vitest';
import { findDanglingReferences } from './dangling.js';
import { countFaithfulness } from './faithful.js';

const ARTICLE = [
  'TALLOW BRIDGE — The Tallow Bridge ferry will stop running on Friday after its engine failed, the county said.',
  'Nadia Ferrow, the county’s transport director, said a replacement boat would not arrive before spring.',
  'About 60 commuters gathered at the landing on Monday to protest the closure.',
  'The crowd chanted until the last sailing left.',
  'Ms. Ferrow said the county had set aside $2 million for a new vessel.',
  'She said the money would come from the road budget.',
  'However, the council must still approve the purchase.',
  'Currently, the landing is used by about 900 people a day.',
].join('\n');

const sentences = ARTICLE.split('\n');

function kinds(summary: string[]): string[] {
  return findDanglingReferences(ARTICLE, summary).map((d) => `${d.kind}:${d.words}`);
}

describe('findDanglingReferences', () => {
  it('finds a title and surname before the full name, and accepts it after', () => {
    expect(kinds([sentences[0]!, sentences[4]!])).toEqual(['name:Ms. Ferrow']);
    expect(kinds([sentences[0]!, sentences[1]!, sentences[4]!])).toEqual([]);
  });

  it('finds a pronoun opener without its antecedent sentence right before it', () => {
    expect(kinds([sentences[0]!, sentences[1]!, sentences[5]!])).toEqual(['pronoun:She']);
    expect(kinds([sentences[0]!, sentences[1]!, sentences[4]!, sentences[5]!])).toEqual([]);
  });

  it('finds a definite description whose introduction was cut, including a crowd never named before', () => {
    expect(kinds([sentences[0]!, sentences[3]!])).toEqual(['definite:The crowd']);
    expect(kinds([sentences[0]!, sentences[2]!, sentences[3]!])).toEqual([]);
  });

  it('finds discourse and time openers without their context', () => {
    expect(kinds([sentences[0]!, sentences[6]!])).toEqual(['discourse:However']);
    expect(kinds([sentences[0]!, sentences[7]!])).toEqual(['discourse:Currently,', 'definite:the landing']);
    expect(kinds([sentences[0]!, sentences[2]!, sentences[7]!])).toEqual(['discourse:Currently,']);
  });

  it('does not count the article’s own opening or a restored name', () => {
    expect(kinds([sentences[0]!])).toEqual([]);
    expect(kinds([sentences[0]!, 'Nadia Ferrow said the county had set aside $2 million for a new vessel.'])).toEqual([]);
  });
});

describe('countFaithfulness', () => {
  it('tells verbatim sentences, restored names and anything else apart', () => {
    const counts = countFaithfulness(ARTICLE, [
      sentences[0]!,
      'Nadia Ferrow said the county had set aside $2 million for a new vessel.',
      'The county said the ferry would never run again.',
    ]);
    expect(counts).toMatchObject({ sentences: 3, verbatim: 1, nameRestored: 1, neither: 1 });
  });

  it('counts a quotation credited to nobody, or to a pronoun without its antecedent', () => {
    const article = 'Oskar Lind, the harbor master, spoke on Monday.\n“We will not reopen the landing this winter,” he said.';
    const [first, second] = article.split('\n') as [string, string];
    expect(countFaithfulness(article, [second]).quotesWithoutSpeaker).toBe(1);
    expect(countFaithfulness(article, [first, second]).quotesWithoutSpeaker).toBe(0);
    expect(countFaithfulness(article, ['“We will not reopen the landing this winter,” Oskar Lind said.']).quotesWithoutSpeaker).toBe(0);
  });
});
