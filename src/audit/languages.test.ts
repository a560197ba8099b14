import { describe, expect, it } from 'vitest';
import { auditSummary } from './index.js';

// Fictional sources and summaries, written for these tests.
const GERMAN = [
  'Die Kosten von rund 4,2 Mio. Euro trägt zum größten Teil das Land.',
  'Der Gemeinderat stimmte am 14. März mit 21 zu 3 Stimmen für das Projekt.',
  'Die alte Fähre wurde ca. 1968 gebaut und ist nach Angaben der Wasserbehörde nicht mehr sicher.',
  'Bürgermeisterin Anna Wessel sagte, die Verbindung sei überfällig. „Wir haben lange gewartet“, sagte Wessel.',
  'Geschäftsführer Jens Korte rechnet mit keinen Verzögerungen. „Wir liegen im Plan“, sagte Korte am Dienstag.',
].join('\n\n');

const SPANISH = [
  'El servicio cuesta aprox. 1,8 millones de euros al año y lo usan unos 21.000 pasajeros.',
  'La próxima reunión de la junta será el 3 de febrero a las 18 h.',
  'El presidente del tribunal, el magistrado Luis Arenas, no aceptó el argumento.',
  '«Usted abusó de la confianza de sus clientes», le reprochó.',
  'Su abogado, Álvaro Pinto, anunció que recurrirá la sentencia.',
].join('\n\n');

function verdicts(source: string, summary: string, lang?: string): string[] {
  return auditSummary('a', source, summary, undefined, lang).sentences.map((s) => s.verdict);
}

describe('auditSummary in the article’s language', () => {
  it('supports German sentences the article states, in its number and date formats', () => {
    expect(verdicts(GERMAN, 'Die Kosten von rund 4,2 Mio. Euro trägt das Land. Der Gemeinderat stimmte am 14. März für das Projekt.', 'de')).toEqual(['supported', 'supported']);
  });

  it('catches a changed German number, date, negation and speaker', () => {
    expect(verdicts(GERMAN, 'Die Kosten von rund 5,2 Mio. Euro trägt das Land.', 'de')).toEqual(['contradicted']);
    expect(verdicts(GERMAN, 'Der Gemeinderat stimmte am 15. März für das Projekt.', 'de')).toEqual(['contradicted']);
    expect(verdicts(GERMAN, 'Die alte Fähre ist nach Angaben der Wasserbehörde sicher.', 'de')).toEqual(['contradicted']);
    expect(verdicts(GERMAN, 'Geschäftsführer Jens Korte rechnet mit Verzögerungen.', 'de')).toEqual(['contradicted']);
    expect(verdicts(GERMAN, '„Wir liegen im Plan“, sagte Anna Wessel.', 'de')).toEqual(['misattributed']);
  });

  it('reads the German number format only when told the language', () => {
    const report = auditSummary('a', GERMAN, 'Die Kosten von rund 5,2 Mio. Euro trägt das Land.', undefined, 'de');
    expect(report.sentences[0]!.findings.map((f) => f.detail)).toContain('the summary says 5200000 where the source says 4200000 (sentence 1)');
  });

  it('catches a Spanish quotation given to the wrong person when the source drops the pronoun', () => {
    expect(verdicts(SPANISH, '«Usted abusó de la confianza de sus clientes», dijo el abogado Álvaro Pinto.', 'es')).toEqual(['misattributed']);
    expect(verdicts(SPANISH, '«Usted abusó de la confianza de sus clientes», dijo el magistrado Luis Arenas.', 'es')).toEqual(['supported']);
  });

  it('catches Spanish numbers and dates in local formats', () => {
    expect(verdicts(SPANISH, 'El servicio cuesta aprox. 2,8 millones de euros al año.', 'es')).toEqual(['contradicted']);
    expect(verdicts(SPANISH, 'La próxima reunión de la junta será el 13 de febrero.', 'es')).toEqual(['contradicted']);
    expect(verdicts(SPANISH, 'El servicio lo usan unos 21.000 pasajeros al año.', 'es')).toEqual(['supported']);
  });

  it('reads a negation credited to a person the way the source states it without them', () => {
    const source = 'El concejal de Hacienda, Sr. Andrés Villa, fue más prudente. Según él, el presupuesto de 2026 aún no está cerrado.';
    expect(verdicts(source, 'Según el concejal Andrés Villa, el presupuesto de 2026 ya está cerrado.', 'es')).toEqual(['contradicted']);
  });
});
