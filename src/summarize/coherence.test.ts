// Coherent summaries: no sentence leans on something the summary leaves out. A fictional article built
// so that the most central sentences are the dependent ones.
import { describe, expect, it } from 'vitest';
import type { Article } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { summarizeArticle } from './index.js';
import { applyEdits } from './faithfulness.js';
import { peopleNames, personMentions } from './names.js';
import { definiteNeeds } from './definites.js';
import { assessStandings } from './standalone.js';

function article(text: string): Article {
  return {
    id: 'quarry',
    url: 'https://ledger.example/quarry',
    title: 'Quarry blast',
    byline: [],
    publisher: 'ledger',
    publisherName: 'The Ledger',
    text,
    origin: { path: '/fixtures/quarry.txt', kind: 'text' },
    warnings: [],
  };
}

const QUARRY = [
  'OSTBY — A blast at the Harrowgate quarry on Tuesday cracked windows on Linden Row, and residents demanded limits on quarry blasting at a town meeting that evening.',
  'Imelda Sorensen is the inspector.',
  'Ms. Sorensen said the quarry blast had cracked windows and plaster in 41 homes on Linden Row and nearby streets.',
  'About 150 residents packed the school gymnasium for the meeting.',
  'The crowd booed the quarry manager when he said the quarry blast had been legal.',
  'The quarry is owned by a company from the capital.',
  'The company said its seismographs recorded vibrations below the state threshold for quarry blasting.',
  'Currently, the quarry may blast four times a week under its permit.',
  'Town leaders will ask the state to review the permit for quarry blasting at Harrowgate.',
].join('\n');

describe('coherent summaries', () => {
  const sentences = splitSentences(QUARRY);

  it('restores a full name at the first title-and-surname reference, as a recorded edit', () => {
    let edited = 0;
    for (const maxWords of [30, 40, 50, 60, 70, 80, 100]) {
      const summary = summarizeArticle(article(QUARRY), { maxWords, minWords: maxWords });
      const indexes = summary.sentences.map((s) => s.source[0]!.sentence);
      const sorensen = summary.sentences.find((s) => s.source[0]!.sentence === 2);
      if (!sorensen || indexes.includes(1)) continue;
      edited += 1;
      expect(sorensen.text).toMatch(/^Imelda Sorensen said the quarry blast/);
      expect(sorensen.edits).toEqual([{ kind: 'name', from: 'Ms. Sorensen', to: 'Imelda Sorensen', at: 0 }]);
      const span = sorensen.source[0]!;
      expect(applyEdits(QUARRY.slice(span.start, span.end), sorensen.edits)).toBe(sorensen.text);
    }
    expect(edited).toBeGreaterThan(0);
  });

  it('keeps "The crowd" and "Currently," only right after the sentence they lean on', () => {
    for (const maxWords of [40, 60, 80, 100]) {
      const summary = summarizeArticle(article(QUARRY), { maxWords, minWords: maxWords });
      const indexes = summary.sentences.map((s) => s.source[0]!.sentence);
      for (const dependent of [4, 7]) {
        if (indexes.includes(dependent)) expect(indexes, `maxWords ${maxWords}`).toContain(dependent - 1);
      }
    }
  });

  it('keeps "The company" only when the sentence that introduced the company is kept', () => {
    for (const maxWords of [40, 60, 80, 100]) {
      const indexes = summarizeArticle(article(QUARRY), { maxWords, minWords: maxWords }).sentences.map((s) => s.source[0]!.sentence);
      if (indexes.includes(6)) expect(indexes).toContain(5);
    }
  });

  it('finds what definite descriptions need', () => {
    const needs = definiteNeeds(sentences);
    expect(needs[4]?.onTheScene).toBe(true);
    expect([...(needs[6]?.introduced.keys() ?? [])]).toContain('company');
    // "the state threshold", "the permit for…": self-evident or identified by what follows.
    expect(needs[8]?.introduced.size).toBe(0);
    expect(assessStandings(sentences).map((s) => s.kind).slice(3, 8)).toEqual([
      // "The company said…" right after "…owned by a company…": kept together like a pronoun and its antecedent.
      'standalone', 'needs-antecedent', 'standalone', 'needs-antecedent', 'needs-antecedent',
    ]);
  });

  it('reads full names with initials and particles, and never edits inside a quotation', () => {
    const text = 'J. R. Talley founded the firm.\nJuan Ramón de la Fuente, the minister, spoke.\n“Mr. Talley is a friend,” Mr. de la Fuente said.';
    const people = peopleNames(splitSentences(text));
    expect(people.fullNames.get('Talley')).toBe('J. R. Talley');
    expect(people.fullNames.get('Fuente')).toBe('Juan Ramón de la Fuente');
    const references = personMentions(splitSentences(text)[2]!.text, people);
    expect(references.map((r) => [r.from, r.to, r.full, r.quoted])).toEqual([
      ['Mr. Talley', 'J. R. Talley', false, true],
      ['Mr. de la Fuente', 'Juan Ramón de la Fuente', false, false],
    ]);
    expect(personMentions('J. R. Talley said so.', people).map((r) => r.full)).toEqual([true]);
    expect(personMentions('Talley said so.', people).map((r) => [r.full, r.to])).toEqual([[false, 'J. R. Talley']]);
    // A possessive stays after the restored name.
    expect(personMentions('Mr. Talley’s firm grew.', people).map((r) => [r.from, r.to])).toEqual([['Mr. Talley', 'J. R. Talley']]);
  });

  it('does not treat a hyphenated name or a longer proper name as a bare surname', () => {
    const text = 'Dr. Tobias Bram found the comet.\nComet Hollis-Bram is faint.\nBram Street was closed.';
    const people = peopleNames(splitSentences(text));
    expect(personMentions('Comet Hollis-Bram is faint.', people)).toEqual([]);
    expect(personMentions('Bram Street was closed.', people)).toEqual([]);
    expect(personMentions('Bram said it was faint.', people).map((r) => r.to)).toEqual(['Tobias Bram']);
  });
});
