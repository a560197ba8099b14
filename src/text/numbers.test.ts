import { describe, expect, it } from 'vitest';
import { languageProfile } from './languages/index.js';
import { findNumbers, findQuantities } from './numbers.js';

// Fictional phrases, written for these tests.
describe('findNumbers in local formats', () => {
  it('reads decimal commas, thousands dots and spaces, and scale words', () => {
    expect(findNumbers('Die Kosten von rund 4,2 Mio. Euro, 21.000 Fahrten, drei Jahre.', languageProfile('de'))).toEqual([4_200_000, 21_000, 3]);
    expect(findNumbers('Il transporte 21 000 passagers pour 1,8 million d’euros.', languageProfile('fr'))).toEqual([21_000, 1_800_000]);
    expect(findNumbers('Cuesta 3,8 millones y 2,1 mil millones.', languageProfile('es'))).toEqual([3_800_000, 2_100_000_000]);
    expect(findNumbers('R$ 3,8 mi por ano', languageProfile('pt'))).toEqual([3_800_000]);
    expect(findNumbers('ca. 1,8 miljoen euro', languageProfile('nl'))).toEqual([1_800_000]);
  });

  it('reads the English format when no language is given', () => {
    expect(findNumbers('$1.2 million and 1,200 people and thirty boats')).toEqual([1_200_000, 1200, 30]);
  });

  it('reads a time or a date as its parts, not as one number', () => {
    expect(findNumbers('um 9.30 Uhr am 14.03.2025', languageProfile('de'))).toEqual([9, 30, 14, 3, 2025]);
  });

  it('counts value and unit in English only', () => {
    expect(findQuantities('three weeks')).toEqual(['3 week']);
    expect(findQuantities('drei Wochen', languageProfile('de'))).toEqual([]);
  });
});
