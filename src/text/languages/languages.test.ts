import { describe, expect, it } from 'vitest';
import { DESK_LANGUAGES, english, languageProfile, hasProfile } from './index.js';

const profiles = DESK_LANGUAGES.map((code) => languageProfile(code));

describe('language profiles', () => {
  it('cover the seven desk languages, each under its own code', () => {
    expect([...DESK_LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
    for (const code of DESK_LANGUAGES) expect(languageProfile(code).code).toBe(code);
  });

  it('read a region or script tag by its primary subtag, and anything else with the English rules', () => {
    expect(languageProfile('pt-BR').code).toBe('pt');
    expect(languageProfile(' FR ').code).toBe('fr');
    expect(languageProfile('nl_BE').code).toBe('nl');
    expect(languageProfile('sv')).toBe(english);
    expect(languageProfile(undefined)).toBe(english);
    expect(hasProfile('de-CH')).toBe(true);
    expect(hasProfile('tr')).toBe(false);
    expect(hasProfile(undefined)).toBe(false);
  });

  it('list the earlier parts of every multi-part abbreviation as never ending a sentence', () => {
    for (const { code, sentences } of profiles) {
      for (const parts of sentences.multiPart.keys()) {
        for (const part of parts.split(' ').slice(0, -1)) expect(sentences.nonTerminal.has(part.replace(/\.$/, '')), `${code}: "${parts}"`).toBe(true);
      }
    }
  });

  it('never use one mark to open one quotation and close another, so counting marks tells an open quotation', () => {
    for (const { code, speech } of profiles) {
      const opens = new Set(speech.quotePairs.filter(([o, c]) => o !== c).map(([o]) => o));
      const closes = new Set(speech.quotePairs.filter(([o, c]) => o !== c).map(([, c]) => c));
      for (const mark of opens) expect(closes.has(mark), `${code}: ${mark}`).toBe(false);
    }
  });

  it('put a suffix after every longer suffix that ends with it, so the first that fits is the longest', () => {
    for (const { code, words } of profiles) {
      const suffixes = (words.suffixes ?? []).map(([s]) => s);
      suffixes.forEach((longer, i) => {
        suffixes.slice(0, i).forEach((earlier) => expect(longer.endsWith(earlier) && longer !== earlier, `${code}: "${longer}" after "${earlier}"`).toBe(false));
      });
    }
  });

  it('name twelve months and seven weekdays, lowercase', () => {
    for (const { code, facts } of profiles) {
      expect(facts.months, code).toHaveLength(12);
      expect(facts.weekdays, code).toHaveLength(7);
      for (const word of [...facts.months.flat(), ...facts.weekdays.flat()]) expect(word, code).toBe(word.toLowerCase());
    }
  });

  it('write verbs of speech and negations lowercase, as the patterns match them', () => {
    for (const { code, speech, facts } of profiles) {
      for (const word of [...speech.attributionVerbs, ...speech.stanceVerbs, ...facts.negations]) expect(word, code).toBe(word.toLowerCase());
    }
  });
});
