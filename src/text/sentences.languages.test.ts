import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

// All sentences here are fictional, written for these tests; the expected splits were written by hand.

function texts(text: string, lang?: string): string[] {
  return splitSentences(text, lang).map((s) => s.text);
}

describe('splitSentences in German', () => {
  it('keeps ordinal dates, abbreviations and decimal commas inside their sentence', () => {
    const text =
      'Die Fähre soll ab dem 1. Mai verkehren. Die Kosten von rund 4,2 Mio. Euro trägt das Land. ' +
      'Dr. Anna Wessel sagte, die Fähre sei ca. 1968 gebaut worden. Der Rat stimmte am 14. März zu, z. B. für Schüler. ' +
      'Der Landkreis rechnet mit 21.000 Fahrten.';
    expect(texts(text, 'de')).toEqual([
      'Die Fähre soll ab dem 1. Mai verkehren.',
      'Die Kosten von rund 4,2 Mio. Euro trägt das Land.',
      'Dr. Anna Wessel sagte, die Fähre sei ca. 1968 gebaut worden.',
      'Der Rat stimmte am 14. März zu, z. B. für Schüler.',
      'Der Landkreis rechnet mit 21.000 Fahrten.',
    ]);
  });

  it('ends a sentence at an abbreviation or a year when a sentence opener follows', () => {
    expect(texts('Im Vorjahr waren es 3,1 Mio. Davon flossen 2 Mio. in den Haushalt.', 'de')).toEqual([
      'Im Vorjahr waren es 3,1 Mio.',
      'Davon flossen 2 Mio. in den Haushalt.',
    ]);
    expect(texts('Ein Wolf wurde hier zuletzt im Jahr 1871 geschossen. Seitdem galt er als ausgestorben.', 'de')).toHaveLength(2);
    expect(texts('Sie belegte Platz 3. Die Siegerin kam aus Ostheim.', 'de')).toHaveLength(2);
  });

  it('reads ordinals after articles and prepositions, but not numbers after nouns', () => {
    expect(texts('Der 1. FC Kallendorf steht zum 3. Mal im Finale, in der 87. Minute fiel das Tor.', 'de')).toHaveLength(1);
    expect(texts('Die Tore fielen in Minute 87. Trainer Haas jubelte.', 'de')).toHaveLength(2);
  });

  it('keeps references before their number and street numbers', () => {
    expect(texts('Er verwies auf Art. 3 Abs. 2 der Satzung, die Anlegestelle in der Uferstr. 12 und das Urteil (Az. 4 KLs 12/23).', 'de')).toHaveLength(1);
  });

  it('splits after „…“ and »…« quotations', () => {
    expect(texts('„Jetzt geht es endlich los.“ Die neue Fähre bietet Platz für 120 Fahrgäste.', 'de')).toEqual([
      '„Jetzt geht es endlich los.“',
      'Die neue Fähre bietet Platz für 120 Fahrgäste.',
    ]);
    expect(texts('»Einen Gewinn machen wir damit nicht.« Der Grundpreis bleibt gleich.', 'de')).toHaveLength(2);
  });

  it('ends a sentence after an era abbreviation whatever capital follows', () => {
    expect(texts('Sie stammen aus dem 3. Jh. n. Chr. Damals lag Talbach an einer Handelsstraße.', 'de')).toHaveLength(2);
  });
});

describe('splitSentences in French', () => {
  it('keeps M., Mme, env. and p. ex. with what follows', () => {
    expect(texts('Son adjoint, M. Paul Le Goff, reste prudent. Le service coûte env. 1,8 million d’euros, p. ex. pour les quais.', 'fr')).toEqual([
      'Son adjoint, M. Paul Le Goff, reste prudent.',
      'Le service coûte env. 1,8 million d’euros, p. ex. pour les quais.',
    ]);
  });

  it('closes a sentence after « … » written with spaces, and keeps « … » a-t-il dit together', () => {
    expect(texts('« Puis nous avons vu un visage. » Il a fallu quatre mois.', 'fr')).toEqual(['« Puis nous avons vu un visage. »', 'Il a fallu quatre mois.']);
    expect(texts('« Nous faisons tout pour tenir ! » explique le capitaine Yann Kerbrat.', 'fr')).toHaveLength(1);
    expect(texts('Que se passera-t-il en février ? Personne ne le sait.', 'fr')).toHaveLength(2);
  });

  it('ends a sentence after an abbreviated month before a capital, not before a year', () => {
    expect(texts('Un rapport daté du 12 janv. 2025 confirme l’usure. Il a connu trois pannes depuis le 1er déc. « Nous tenons », dit-il.', 'fr')).toEqual([
      'Un rapport daté du 12 janv. 2025 confirme l’usure.',
      'Il a connu trois pannes depuis le 1er déc.',
      '« Nous tenons », dit-il.',
    ]);
  });

  it('splits dialogue turns that open with a dash', () => {
    expect(texts('Il hésita. — Demain ? — Oui, demain.', 'fr')).toEqual(['Il hésita.', '— Demain ?', '— Oui, demain.']);
  });
});

describe('splitSentences in Spanish', () => {
  it('keeps Sr., EE. UU. before a name, núm. and p. ej. inside the sentence', () => {
    expect(texts('El concejal, Sr. Andrés Villa, viajó a EE. UU. con la Dra. Paz, p. ej. a Boston. La taquilla está en la Avda. del Mar, núm. 12.', 'es')).toEqual([
      'El concejal, Sr. Andrés Villa, viajó a EE. UU. con la Dra. Paz, p. ej. a Boston.',
      'La taquilla está en la Avda. del Mar, núm. 12.',
    ]);
  });

  it('ends a sentence after EE. UU. when an opener follows', () => {
    expect(texts('Hay otra causa en EE. UU. El juicio será en mayo.', 'es')).toHaveLength(2);
  });

  it('handles ¿…? and dialogue dashes', () => {
    expect(texts('—¿Cuánto aguantará? —preguntó un pasajero. —No lo sé —respondió el capitán—. Hacemos lo que podemos.', 'es')).toEqual([
      '—¿Cuánto aguantará? —preguntó un pasajero.',
      '—No lo sé —respondió el capitán—.',
      'Hacemos lo que podemos.',
    ]);
  });

  it('keeps «…», dijo together and splits after «…» closing a sentence', () => {
    expect(texts('«No vamos a ceder», afirmó Rosa Lamas. «Nuestros sueldos, no.» Varios vecinos trajeron café.', 'es')).toEqual([
      '«No vamos a ceder», afirmó Rosa Lamas.',
      '«Nuestros sueldos, no.»',
      'Varios vecinos trajeron café.',
    ]);
  });
});

describe('splitSentences in Italian, Portuguese and Dutch', () => {
  it('keeps Sig., Sig.ra, Dott.ssa and S.p.A. with what follows', () => {
    expect(texts('La Sig.ra Rossi e la Dott.ssa Galli lavorano per Valbruna S.p.A. da anni. Il Sig. Greco è cauto.', 'it')).toEqual([
      'La Sig.ra Rossi e la Dott.ssa Galli lavorano per Valbruna S.p.A. da anni.',
      'Il Sig. Greco è cauto.',
    ]);
  });

  it('keeps Sr., Dra. and n.º with what follows in Portuguese', () => {
    expect(texts('O Sr. Paulo Nogueira falou com a Dra. Carmen Reis na Av. Beira-Mar, n.º 12. A reunião foi em 1.º de março.', 'pt')).toEqual([
      'O Sr. Paulo Nogueira falou com a Dra. Carmen Reis na Av. Beira-Mar, n.º 12.',
      'A reunião foi em 1.º de março.',
    ]);
  });

  it('keeps dhr., mr. and o.a. with what follows, and opens sentences with ’s', () => {
    expect(texts('Wethouder dhr. Paul Jansen sprak met mr. Lucas Abbink over o.a. De Regenboog. ’s Avonds vaart er geen boot.', 'nl')).toEqual([
      'Wethouder dhr. Paul Jansen sprak met mr. Lucas Abbink over o.a. De Regenboog.',
      '’s Avonds vaart er geen boot.',
    ]);
  });
});

describe('splitSentences without a language, or in one without a profile', () => {
  const german = 'Die Fähre soll ab dem 1. Mai verkehren.';
  it('reads the text by the English rules, as before it knew other languages', () => {
    expect(texts(german)).toEqual(['Die Fähre soll ab dem 1.', 'Mai verkehren.']);
    expect(texts(german, 'sv')).toEqual(texts(german));
  });

  it('takes the primary subtag of a region tag', () => {
    expect(texts(german, 'de-AT')).toEqual([german]);
    expect(texts(german, 'DE_ch')).toEqual([german]);
  });

  it('keeps exact offsets in every language', () => {
    const text = '«Muchas familias trabajan en tierra firme.\nSin el barco tendrían que mudarse», dijo. El ferry costará 9,5 millones.';
    for (const s of splitSentences(text, 'es')) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
