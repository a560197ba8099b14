import { describe, it, expect } from 'vitest';
import { splitSentences } from './sentences.js';

// All sentences here are fictional, written for these tests.

function texts(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}

describe('splitSentences: offsets and paragraphs', () => {
  const article =
    '  PORT HALLEY — The council met on Monday.  It voted twice.\n' +
    'Residents objected loudly.\n' +
    '\n\n' +
    '“We will appeal,” Mr. Brandt said.\r\n' +
    'Harbor Road Closes\n';

  it('returns trimmed sentences whose offsets slice back to their text', () => {
    const sentences = splitSentences(article);
    expect(sentences.length).toBe(5);
    for (const s of sentences) {
      expect(article.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
      expect(s.text.length).toBeGreaterThan(0);
    }
  });

  it('numbers sentences in order and counts every non-blank line as a paragraph', () => {
    const sentences = splitSentences(article);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 2, 3]);
    expect(sentences[3]?.text).toBe('“We will appeal,” Mr. Brandt said.');
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t\n')).toEqual([]);
  });
});

describe('splitSentences: abbreviations that do not end sentences', () => {
  it('keeps titles and ranks with the names they introduce', () => {
    const text =
      'Mr. Alvarez, Mrs. Okafor, Ms. Lind and Dr. Pryce met Gov. Brandt, Sen. Wu, Rep. Ortiz, ' +
      'Gen. Hale, Lt. Col. Marsh, Sgt. Ruiz and Prof. Quill on Tuesday. The meeting ran late.';
    expect(texts(text)).toEqual([
      'Mr. Alvarez, Mrs. Okafor, Ms. Lind and Dr. Pryce met Gov. Brandt, Sen. Wu, Rep. Ortiz, ' +
        'Gen. Hale, Lt. Col. Marsh, Sgt. Ruiz and Prof. Quill on Tuesday.',
      'The meeting ran late.',
    ]);
  });

  it('keeps month abbreviations, No. and vs. with what follows', () => {
    const text =
      'Hearings fall on Jan. 3, Feb. 7, Mar. 6, Apr. 3, Aug. 7, Sept. 4, Sep. 9, Oct. 2, Nov. 6 and Dec. 4. ' +
      'The No. 3 Otters face the Hawks in Rivers vs. Lakes on Friday.';
    expect(texts(text)).toHaveLength(2);
    expect(texts(text)[1]).toBe('The No. 3 Otters face the Hawks in Rivers vs. Lakes on Friday.');
  });

  it('keeps company suffixes and St. before a name, but splits before a sentence opener', () => {
    expect(texts('Brindle Inc. Chief Executive Dana Moor resigned at St. Agnes Hospital.')).toHaveLength(1);
    expect(texts('The deal closed with Apex Corp. The shares rose 4 percent.')).toEqual([
      'The deal closed with Apex Corp.',
      'The shares rose 4 percent.',
    ]);
    expect(texts('Harold Biggs Jr. and Tom Kerr Sr. sold Vale Co. and Moor Ltd. to a rival.')).toHaveLength(1);
  });

  it('keeps dotted acronyms inside a sentence', () => {
    const text =
      'Envoys from the U.S. State Department, the U.K. Foreign Office, the U.N. Security Council ' +
      'and the E.U. Commission met in Washington, D.C. Monday to discuss the U.S.-made ferries.';
    expect(texts(text)).toEqual([text]);
  });

  it('splits after a sentence-final U.S. when a common opener follows', () => {
    expect(texts('The mill ships its steel across the U.S. The owners plan to expand.')).toEqual([
      'The mill ships its steel across the U.S.',
      'The owners plan to expand.',
    ]);
    expect(texts('The envoy flew back to the U.S. Mr. Lorne stayed behind.')).toHaveLength(2);
    expect(texts('The ferry was built in the U.S. Navy yard at Calder.')).toHaveLength(1);
  });

  it('treats a.m. and p.m. and etc. the same way', () => {
    expect(texts('Polls open at 7 a.m. Eastern and close at 8 p.m. The count starts at once.')).toEqual([
      'Polls open at 7 a.m. Eastern and close at 8 p.m.',
      'The count starts at once.',
    ]);
    expect(texts('They sold nets, buoys, rope, etc. But the boats stayed.')).toHaveLength(2);
  });

  it('keeps initials with the surname', () => {
    expect(texts('The novel by J. R. Talley sold well. A sequel is due.')).toEqual([
      'The novel by J. R. Talley sold well.',
      'A sequel is due.',
    ]);
  });

  it('does not split after a period followed by a lowercase word', () => {
    expect(texts('The fee, e.g. the harbor fee, rose. Then it fell.')).toHaveLength(2);
  });
});

describe('splitSentences: numbers and ellipses', () => {
  it('keeps decimals and money inside the sentence', () => {
    expect(texts('Output rose 3.2 percent to $4.5 million in the quarter. Analysts expected 2.9 percent.')).toEqual([
      'Output rose 3.2 percent to $4.5 million in the quarter.',
      'Analysts expected 2.9 percent.',
    ]);
  });

  it('splits at an ellipsis only when a new sentence starts after it', () => {
    expect(texts('The mayor paused... and then resumed. Then came the vote… Nobody spoke.')).toEqual([
      'The mayor paused... and then resumed.',
      'Then came the vote…',
      'Nobody spoke.',
    ]);
  });
});

describe('splitSentences: quotes, brackets and attribution', () => {
  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(texts('She called the plan “a mistake.” The council disagreed.')).toEqual([
      'She called the plan “a mistake.”',
      'The council disagreed.',
    ]);
    expect(texts('He asked, ‘Is the levee safe?’ Engineers said it was.')).toEqual([
      'He asked, ‘Is the levee safe?’',
      'Engineers said it was.',
    ]);
    expect(texts('The crowd chanted "Open the gates!" Police stood by.')).toEqual([
      'The crowd chanted "Open the gates!"',
      'Police stood by.',
    ]);
    expect(texts('Sales fell in March. (The figure was revised later.) Donors want more.')).toEqual([
      'Sales fell in March.',
      '(The figure was revised later.)',
      'Donors want more.',
    ]);
  });

  it('keeps a quote ending in a comma with its attribution', () => {
    expect(texts('“We will rebuild the pier by spring,” Mr. Okafor said. The work begins Monday.')).toEqual([
      '“We will rebuild the pier by spring,” Mr. Okafor said.',
      'The work begins Monday.',
    ]);
  });

  it('keeps a quoted question with an attribution that follows without a comma', () => {
    expect(texts('“Who approved this?” Ms. Lind asked. Nobody answered.')).toEqual([
      '“Who approved this?” Ms. Lind asked.',
      'Nobody answered.',
    ]);
  });

  it('splits consecutive quoted sentences', () => {
    expect(texts('“Yes.” “No.” The vote was tied.')).toEqual(['“Yes.”', '“No.”', 'The vote was tied.']);
  });
});

describe('splitSentences: datelines and headings', () => {
  it('keeps a dateline with its sentence', () => {
    expect(texts('PORT HALLEY — The council voted 5-2 on Monday to close the harbor road.')).toHaveLength(1);
    expect(texts('ST. CLOUD, Minn. — The mayor resigned on Friday.')).toHaveLength(1);
  });

  it('makes each line without final punctuation a sentence of its own', () => {
    const text = 'Harbor Road Closes\nThe council voted on Monday. Residents objected.\n\nWhat Comes Next\nRepairs start in June.';
    expect(splitSentences(text).map((s) => [s.text, s.paragraph])).toEqual([
      ['Harbor Road Closes', 0],
      ['The council voted on Monday.', 1],
      ['Residents objected.', 1],
      ['What Comes Next', 2],
      ['Repairs start in June.', 3],
    ]);
  });
});

// Speed belongs to benchmarks; these check that pathological input still splits correctly.
describe('splitSentences: pathological input', () => {
  it('keeps exact offsets on long runs of initials and dots', () => {
    const text = 'A. '.repeat(20_000) + '.'.repeat(20_000) + ' U.S.'.repeat(5_000);
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
  });

  it('makes each of many lines without punctuation its own sentence', () => {
    const text = 'Harbor Road Closes\n'.repeat(20_000) + 'The end.';
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(20_001);
    expect(sentences.at(-1)?.paragraph).toBe(20_000);
  });
});
