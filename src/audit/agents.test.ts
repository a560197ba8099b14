import { describe, expect, it } from 'vitest';
import { auditSummary } from './index.js';

// An original fictional article: several bodies named by common nouns, each doing something of its own.
const SOURCE = `MORVANE — The bus company Tallow Coaches will cut its evening services in Morvane from March, the company said on Monday, and would spend 2 million dollars on electric buses bought with the regional council.
The drivers' union's branch secretary, Ewan Colquhoun, said the union would ask its members to refuse overtime. The passengers' association said the cuts would leave night-shift workers stranded.
The transport minister, Ailsa Brodie, whose office pays the company 4 million dollars a year to run rural routes, said she would meet Tallow Coaches next week.
The council said it would review the bus shelters on Harbour Road. Tallow said about 30 drivers would move to day shifts.`;

function audit(summary: string) {
  return auditSummary('morvane', SOURCE, summary).sentences.map((s) => ({ verdict: s.verdict, details: s.findings.map((f) => `${f.kind}: ${f.detail}`) }));
}

describe('a body put in the place of the body that acts', () => {
  it.each([
    [
      'another body named before the act',
      'The regional council will spend 2 million dollars on electric buses.',
      'entity: the summary gives to “regional council” what the source says “the company” does (sentence 1)',
    ],
    [
      'the same kind of body with another owner',
      "The passengers' union will ask its members to refuse overtime.",
      "entity: the summary gives to “passengers' union” what the source says “drivers' union” does (sentence 2)",
    ],
    [
      'a body that pays through its office',
      'The national operator pays the company 4 million dollars a year to run rural routes.',
      'entity: the summary gives to “national operator” what the source says “whose office” does (sentence 4)',
    ],
    [
      'the body that said it would act',
      "The drivers' union said it would review the bus shelters on Harbour Road.",
      'entity: the summary gives to “drivers\' union” what the source says “The council” does (sentence 5)',
    ],
  ])('%s', (_, summary, detail) => {
    expect(audit(summary)).toEqual([{ verdict: 'misattributed', details: [detail] }]);
  });
});

describe('the same body, however it is called', () => {
  it.each([
    ['a word for the same kind of body', 'The firm will cut its evening services in Morvane from March.'],
    ['the body by its name in the source', 'The company said about 30 drivers would move to day shifts.'],
    ["the body's own owner kept", "The drivers' union will ask its members to refuse overtime."],
    ['a council for the city', 'The city said it would review the bus shelters on Harbour Road.'],
  ])('%s', (_, summary) => {
    expect(audit(summary)).toEqual([{ verdict: 'supported', details: [] }]);
  });
});
