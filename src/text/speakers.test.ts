import { describe, expect, it } from 'vitest';
import { analyzePeople } from './speakers.js';

describe('analyzePeople', () => {
  const doc = analyzePeople([
    'Mayor Dana Whitcombe opposed the increase.',
    '“Families are stretched,” Ms. Whitcombe said after the vote.',
    'The board’s chair, Tomas Rilke, said the service had lost money.',
    '“We cannot run at a loss,” he said.',
    'Both leaders agreed to meet again.',
    'Mr. Rilke and Ms. Whitcombe left together, said Omar Haddad, a clerk.',
  ]);

  it('keys every mention of a person to the full name introduced first', () => {
    expect(doc.people.get('whitcombe')?.name).toBe('Dana Whitcombe');
    expect(doc.people.get('whitcombe')?.gender).toBe('f');
  });

  it('finds the subject and the attributed speaker of each sentence', () => {
    expect(doc.sentences[0]!.actors).toEqual(['whitcombe']);
    expect(doc.sentences[1]!.speakers).toEqual(['whitcombe']);
    expect(doc.sentences[2]!.speakers).toEqual(['rilke']);
  });

  it('resolves "he said" to the speaker of the paragraph, not the last woman named', () => {
    expect(doc.sentences[3]!.speakers).toEqual(['rilke']);
    expect(doc.sentences[3]!.quotes).toEqual(['We cannot run at a loss,']);
  });

  it('marks a group subject that names nobody', () => {
    expect(doc.sentences[4]!.collective).toBe(true);
    expect(doc.sentences[0]!.collective).toBe(false);
  });

  it('credits a trailing "said Name" as the speaker and a conjoined subject as actors', () => {
    expect(doc.sentences[5]!.speakers).toEqual(['haddad']);
    expect(doc.sentences[5]!.actors).toEqual(expect.arrayContaining(['rilke', 'whitcombe', 'haddad']));
    expect(doc.roles.get('rilke')).toBe('chair');
    expect(doc.roles.get('haddad')).toBe('clerk');
  });
});
