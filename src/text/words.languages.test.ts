import { describe, expect, it } from 'vitest';
import { languageProfile } from './languages/index.js';
import { contentTokens, stem, stemIn, tokenize } from './words.js';

// Fictional phrases, written for these tests.
const fr = languageProfile('fr');
const it_ = languageProfile('it');
const de = languageProfile('de');
const es = languageProfile('es');

describe('tokenize in a language', () => {
  it('drops elided articles and prepositions, with either apostrophe', () => {
    expect(tokenize('L’article de l’école qu’il a lu', fr)).toEqual(['article', 'de', 'école', 'il', 'a', 'lu']);
    expect(tokenize("dell'anno e dell’ultima nave, un’ora", it_)).toEqual(['anno', 'e', 'ultima', 'nave', 'ora']);
  });

  it('keeps apostrophes that elide nothing, and English possessives', () => {
    expect(tokenize('aujourd’hui', fr)).toEqual(["aujourd'hui"]);
    expect(tokenize('Mexico’s ferry')).toEqual(["mexico's", 'ferry']);
  });

  it('keeps accents and decimal commas inside a token', () => {
    expect(tokenize('Die Fähre kostet 4,2 Mio. Euro', de)).toEqual(['die', 'fähre', 'kostet', '4,2', 'mio', 'euro']);
  });
});

describe('contentTokens in a language', () => {
  it('removes the language’s own function words', () => {
    expect(contentTokens('Der Gemeinderat stimmte am Dienstag für das Projekt', de)).toEqual(['gemeinderat', 'stimmte', 'dienstag', 'projekt']);
    expect(contentTokens('La junta del puerto decidió el martes', es)).toEqual(['junta', 'puerto', 'decidió', 'martes']);
  });

  it('reads English with the English list when no language is given', () => {
    expect(contentTokens('The board said the ferry will run')).toEqual(['board', 'ferry', 'run']);
  });
});

describe('stemIn', () => {
  it('brings plural and gender forms together in each language', () => {
    expect(stemIn('fähren', de)).toBe(stemIn('fähre', de));
    expect(stemIn('alcaldes', es)).toBe(stemIn('alcalde', es));
    expect(stemIn('décidée', fr)).toBe(stemIn('décidé', fr));
  });

  it('stems English with the English rules', () => {
    expect(stemIn('arrested', languageProfile('en'))).toBe(stem('arrested'));
  });
});
