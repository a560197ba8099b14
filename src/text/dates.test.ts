import { describe, expect, it } from 'vitest';
import { comparable, findDateMentions, sameDate } from './dates.js';
import { languageProfile } from './languages/index.js';

describe('findDateMentions', () => {
  it('normalizes month-day, day-month, abbreviated months, month-year and weekdays', () => {
    const found = findDateMentions('On Tuesday, November 18, 2026, and again on 3 March and Sept. 9, the board met; it reopens in June 2027.');
    expect(found.map(({ text, ...rest }) => [text, rest.month, rest.day, rest.year, rest.weekday])).toEqual([
      ['Tuesday', undefined, undefined, undefined, 1],
      ['November 18, 2026', 11, 18, 2026, undefined],
      ['3 March', 3, 3, undefined, undefined],
      ['Sept. 9', 9, 9, undefined, undefined],
      ['June 2027', 6, undefined, 2027, undefined],
    ]);
  });

  it('compares dates by the parts both give', () => {
    const [a, b, c, d] = findDateMentions('November 18, November 18, 2026, November 8, Monday');
    expect(sameDate(a!, b!)).toBe(true);
    expect(sameDate(a!, c!)).toBe(false);
    expect(comparable(a!, c!)).toBe(true);
    expect(comparable(a!, d!)).toBe(false);
  });

  it('reads times counted from the day of the story as offsets that compare only with their own unit', () => {
    const [thisYear, nextYear, tomorrow, nov] = findDateMentions('this year, next year, tomorrow, November 18');
    expect(thisYear!.relative).toEqual({ unit: 'year', offset: 0 });
    expect(nextYear!.relative).toEqual({ unit: 'year', offset: 1 });
    expect(tomorrow!.relative).toEqual({ unit: 'day', offset: 1 });
    expect(comparable(thisYear!, nextYear!)).toBe(true);
    expect(sameDate(thisYear!, nextYear!)).toBe(false);
    expect(comparable(thisYear!, tomorrow!)).toBe(false);
    expect(comparable(nextYear!, nov!)).toBe(false);
    expect(sameDate(nextYear!, nov!)).toBe(true);
  });
});

describe('findDateMentions in other languages', () => {
  const mention = (text: string, lang: string) =>
    findDateMentions(text, languageProfile(lang)).map(({ day, month, year, weekday }) => ({ day, month, year, weekday }));

  it('reads the day before the month, with ordinal marks and joiners', () => {
    expect(mention('am 14. März 2026', 'de')).toEqual([{ day: 14, month: 3, year: 2026, weekday: undefined }]);
    expect(mention('le 1er déc. 2024', 'fr')).toEqual([{ day: 1, month: 12, year: 2024, weekday: undefined }]);
    expect(mention('el 14 de marzo de 2026', 'es')).toEqual([{ day: 14, month: 3, year: 2026, weekday: undefined }]);
    expect(mention('em 1.º de março', 'pt')).toEqual([{ day: 1, month: 3, year: undefined, weekday: undefined }]);
    expect(mention('op 14 maart', 'nl')).toEqual([{ day: 14, month: 3, year: undefined, weekday: undefined }]);
  });

  it('reads weekdays, and month and year without a day', () => {
    expect(mention('venerdì', 'it')).toEqual([{ day: undefined, month: undefined, year: undefined, weekday: 4 }]);
    expect(mention('im März 2027', 'de')).toEqual([{ day: undefined, month: 3, year: 2027, weekday: undefined }]);
  });

  it('tells a changed day apart', () => {
    const [a] = findDateMentions('am 14. März', languageProfile('de'));
    const [b] = findDateMentions('am 15. März', languageProfile('de'));
    expect(sameDate(a!, b!)).toBe(false);
  });
});
