import { describe, expect, it } from 'vitest';
import { languageProfile } from './languages/index.js';
import { attributedToPronoun, endsInsideQuotation, hasAttribution, hasQuotation, namesSpeaker, outsideQuotations, startsWithQuotation } from './quotes.js';

// Fictional sentences, written for these tests.
const cases: Array<[lang: string, named: string, pronoun: string]> = [
  ['de', '„Wir haben lange gewartet“, sagte Wessel.', '„Wir haben lange gewartet“, sagte er.'],
  ['fr', '« Nous partons », a déclaré Jean Dupont.', '« Nous partons », a-t-elle déclaré.'],
  ['es', '«Esperamos mucho», dijo el alcalde.', '«Esperamos mucho», dijo.'],
  ['it', '«Abbiamo aspettato», ha detto la sindaca.', '«Abbiamo aspettato», ha detto.'],
  ['pt', '“Esperamos muito”, disse a prefeita.', '“Esperamos muito”, disse.'],
  ['nl', '‘We hebben lang gewacht,’ zei De Vries.', '‘We hebben lang gewacht,’ zei hij.'],
];

describe('quotations and their speakers in each language', () => {
  for (const [lang, named, pronoun] of cases) {
    const language = languageProfile(lang);
    it(`${lang}: tells a named speaker from one only a pronoun or a bare verb gives`, () => {
      expect(hasQuotation(named, language)).toBe(true);
      expect(startsWithQuotation(named, language)).toBe(true);
      expect(hasAttribution(named, language)).toBe(true);
      expect(namesSpeaker(named, language)).toBe(true);
      expect(attributedToPronoun(named, language)).toBe(false);
      expect(attributedToPronoun(pronoun, language)).toBe(true);
      expect(namesSpeaker(pronoun, language)).toBe(false);
    });
  }

  it('reads the English marks and verbs when no language is given', () => {
    expect(namesSpeaker('“We waited,” Mr. Haas said.')).toBe(true);
    expect(attributedToPronoun('“We waited,” he said.')).toBe(true);
    expect(hasAttribution('„Wir haben gewartet“, sagte Wessel.')).toBe(false);
  });

  it('counts a preposition of attribution only before a name or an article', () => {
    const italian = languageProfile('it');
    expect(hasAttribution('Secondo il sindaco il porto resta aperto.', italian)).toBe(true);
    expect(hasAttribution('Il secondo giorno è stato difficile.', italian)).toBe(false);
  });

  it('blanks quotations in the language’s marks, apostrophes inside them kept', () => {
    expect(outsideQuotations('„Wir gehen“, sagte Wessel.', languageProfile('de'))).toBe(' , sagte Wessel.');
    expect(outsideQuotations('‘Het is zo’n mooie dag,’ zei hij.', languageProfile('nl'))).toBe('  zei hij.');
  });

  it('follows a quotation open across sentences by the language’s marks', () => {
    const german = languageProfile('de');
    expect(endsInsideQuotation('„Wir haben lange gewartet.', false, german)).toBe(true);
    expect(endsInsideQuotation('Jetzt geht es los“, sagte Wessel.', true, german)).toBe(false);
    const french = languageProfile('fr');
    expect(endsInsideQuotation('« Beaucoup de gens travaillent sur le continent.', false, french)).toBe(true);
    expect(endsInsideQuotation('Sans bateau, ils devraient déménager », a-t-elle déclaré.', true, french)).toBe(false);
  });
});
