// Dutch. Titles are lowercase ("dhr.", "mevr.", "mr."), abbreviations are often dotted within ("o.a.",
// "d.w.z."), quotations are ‘…’ or “…”, surnames carry particles ("Jan de Vries", "De Vries"), and a
// sentence may open in lowercase with ’s or ’t ("’s Avonds sloot de brug.").
import { withCapitals, type LanguageProfile } from './profile.js';

const STOPWORDS = new Set([
  'de', 'het', 'een', 'en', 'of', 'maar', 'dat', 'die', 'dit', 'deze', 'wat', 'wie', 'welke', 'waar', 'hoe', 'als', 'dan',
  'toen', 'omdat', 'want', 'dus', 'ook', 'nog', 'al', 'wel', 'niet', 'geen', 'te', 'van', 'in', 'op', 'aan', 'met', 'voor',
  'door', 'bij', 'naar', 'uit', 'over', 'om', 'tot', 'tegen', 'onder', 'na', 'zonder', 'tussen', 'sinds', 'tijdens', 'is',
  'zijn', 'was', 'waren', 'wordt', 'worden', 'werd', 'werden', 'geweest', 'heeft', 'hebben', 'had', 'hadden', 'zal',
  'zullen', 'zou', 'zouden', 'kan', 'kunnen', 'kon', 'konden', 'moet', 'moeten', 'moest', 'mag', 'wil', 'wilde', 'hij',
  'zij', 'ze', 'wij', 'we', 'ik', 'je', 'jij', 'u', 'men', 'hem', 'haar', 'hun', 'hen', 'ons', 'mijn', 'er', 'hier',
  'daar', 'zo', 'nu', 'heel', 'zeer', 'meer', 'veel', 'alle', 'alles', 'iets', 'niets', 'zei', 'zegt', 'volgens', 'aldus',
  'dhr', 'mevr', 's', 't',
]);

const MONTHS = [
  ['januari', 'jan'], ['februari', 'feb'], ['maart', 'mrt'], ['april', 'apr'], ['mei'], ['juni', 'jun'], ['juli', 'jul'],
  ['augustus', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt'], ['november', 'nov'], ['december', 'dec'],
];
const WEEKDAYS = [['maandag'], ['dinsdag'], ['woensdag'], ['donderdag'], ['vrijdag'], ['zaterdag'], ['zondag']];

const OFFICES = [
  'burgemeester', 'wethouder', 'minister', 'directeur', 'directrice', 'voorzitter', 'rechter', 'kapitein', 'commissaris',
  'gedeputeerde', 'dominee', 'pastoor', 'woordvoerder', 'woordvoerster', 'Burgemeester', 'Wethouder', 'Minister',
];

export const dutch: LanguageProfile = {
  code: 'nl',
  sentences: {
    nonTerminal: new Set([
      ...withCapitals(['dhr', 'mevr', 'mw', 'mr', 'dr', 'drs', 'ir', 'ing', 'prof', 'ds', 'bijv', 'bv', 'o.a', 'd.w.z', 'm.b.t', 't.o.v', 'i.p.v', 'n.a.v', 'm.n', 'ca', 'resp', 'vnl', 'incl', 'excl', 'evt', 'St']),
    ]),
    sentenceFinal: new Set(['enz', 'etc', 'mln', 'mld', 'a.s', 'jl', 'e.d', 'e.a', 'max', 'min', 'Inc', 'Ltd', 'Co']),
    beforeNumber: new Set([...withCapitals(['jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sept', 'okt', 'nov', 'dec']), 'nr', 'Nr', 'blz', 'art', 'Art', 'no', 'tel', 'hfst', 'fig']),
    multiPart: new Map(),
    compoundEndings: new Map(),
    openers: new Set([
      'De', 'Het', 'Een', 'Hij', 'Zij', 'Ze', 'Dat', 'Die', 'Dit', 'Deze', 'Er', 'Wij', 'We', 'Ik', 'Men', 'Zijn', 'Haar', 'Hun',
      'Maar', 'En', 'Of', 'Ook', 'Toch', 'Daarna', 'Dan', 'Nu', 'Inmiddels', 'Volgens', 'Bij', 'Na', 'Voor', 'In', 'Op', 'Met',
      'Door', 'Tijdens', 'Sinds', 'Als', 'Toen', 'Omdat', 'Wanneer', 'Hoewel', 'Vandaag', 'Gisteren', 'Morgen', 'Niet', 'Geen',
      'Alle', 'Veel', 'Sommige', 'Enkele', 'Daar', 'Hier', 'Al', 'Zo', 'Wel', 'Bovendien', 'Daarom', 'Vooral', 'Over', 'Uit',
    ]),
    closingMarks: new Set(['’', '”', '"', "'", ')', ']', '»']),
    spacedClosingMarks: new Set(),
    openingMarks: new Set(['‘', '“', '„', '"', "'", '(', '[', '«']),
    spacedOpeningMarks: new Set(),
    lowercaseOpeners: ['’s', "'s", '’t', "'t"],
    ordinalCues: new Set(),
  },
  words: {
    stopwords: STOPWORDS,
    elisions: new Set(),
    suffixes: [['heden', 'heid'], ['ingen', 'ing'], ['tjes', ''], ['tje', ''], ['en', ''], ['es', ''], ['e', ''], ['s', '']],
    minStem: 4,
  },
  speech: {
    attributionVerbs: [
      'zei', 'zegt', 'zeiden', 'verklaarde', 'verklaart', 'vertelde', 'vertelt', 'stelde', 'stelt', 'meldde', 'meldt', 'schreef',
      'schrijft', 'vroeg', 'vraagt', 'antwoordde', 'waarschuwde', 'waarschuwt', 'benadrukte', 'benadrukt', 'legde', 'liet weten',
      'voegde', 'erkende', 'beaamde', 'reageerde',
    ],
    attributionPrepositions: ['volgens', 'aldus'],
    stanceVerbs: ['bekritiseerde', 'eiste', 'beloofde', 'bevestigde', 'ontkende', 'pleitte', 'riep', 'prees', 'verdedigde'],
    pronouns: { m: ['hij'], f: ['zij', 'ze'], plural: ['ze', 'zij'] },
    pronounAttributions: [],
    dropsPronouns: false,
    subjectPrefixes: ['de', 'het', 'oud', 'voormalig', 'voormalige'],
    and: 'en',
    articles: ['de', 'het'],
    honorifics: new Map([
      ['dhr.', 'm'], ['Dhr.', 'm'], ['mevr.', 'f'], ['Mevr.', 'f'], ['mw.', 'f'], ['dr.', undefined], ['Dr.', undefined],
      ['prof.', undefined], ['mr.', undefined], ['ir.', undefined], ['drs.', undefined],
    ]),
    courtesyTitles: ['dhr', 'mevr', 'mw'],
    keptTitles: ['dr', 'prof', 'mr', 'ir', 'drs', ...OFFICES],
    personTitles: ['dhr', 'mevr', 'mw', 'dr', 'prof', 'mr', 'ir', 'drs', ...OFFICES],
    speakerTitles: ['dhr', 'mevr', 'mw', 'dr', 'prof', 'mr', 'ir', 'drs', ...OFFICES],
    roleWords: new Set([
      ...OFFICES.map((o) => o.toLowerCase()), 'gemeenteraadslid', 'raadslid', 'advocaat', 'officier', 'hoofdcommissaris', 'chef',
      'leider', 'eigenaar', 'eigenares', 'boer', 'boerin', 'visser', 'ingenieur', 'leraar', 'lerares', 'arts', 'verpleegkundige',
      'bakker', 'architect', 'bewoner', 'bewoonster', 'bestuurder', 'secretaris', 'penningmeester', 'coördinator', 'schipper',
      'machinist', 'havenmeester', 'dijkgraaf',
    ]),
    nonPersonWords: new Set([
      'stad', 'gemeente', 'dorp', 'provincie', 'regio', 'rijk', 'regering', 'kabinet', 'ministerie', 'raad', 'gemeenteraad',
      'rechtbank', 'hof', 'politie', 'brandweer', 'school', 'universiteit', 'hogeschool', 'ziekenhuis', 'kliniek', 'museum',
      'bibliotheek', 'kerk', 'station', 'haven', 'luchthaven', 'straat', 'weg', 'laan', 'plein', 'gracht', 'kade', 'brug',
      'meer', 'rivier', 'eiland', 'bank', 'bedrijf', 'groep', 'vereniging', 'stichting', 'vakbond', 'partij', 'krant', 'courant',
      'dagblad', 'nieuws', 'omroep', 'markt', 'park', 'centrum', 'sint', 'kamer', 'unie', 'federatie', 'instituut', 'coöperatie',
      'waterschap', 'polder',
    ]),
    // Months and weekdays are written lowercase here: a capitalized "Julio" is a name.
    notNameWords: new Set([...STOPWORDS, 'gisteren', 'vandaag', 'morgen', 'euro']),
    nameParticles: new Set(['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'in', 'op']),
    dependentOpeners: new Set([
      'Hij', 'Zij', 'Ze', 'Dat', 'Dit', 'Deze', 'Zijn', 'Haar', 'Hun', 'Maar', 'Toch', 'Echter', 'Bovendien', 'Ook', 'Daarom',
      'Daardoor', 'Dus', 'Daarna', 'Dan', 'Vervolgens', 'Daarnaast', 'Zo', 'Daar', 'Wel',
    ]),
    quotePairs: [['‘', '’'], ['“', '”'], ['„', '”'], ['«', '»'], ['"', '"']],
    quotationStarts: '‘“„«"',
  },
  facts: {
    negations: new Set(['niet', 'geen', 'nooit', 'niemand', 'niets', 'nergens', 'noch', 'zonder']),
    negationBefore: true,
    numberWords: {
      twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12, twintig: 20,
      dertig: 30, honderd: 100, dozijn: 12, helft: 0.5,
    },
    countingWords: ['twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'twintig', 'dertig', 'honderd'],
    scales: { duizend: 1e3, miljoen: 1e6, mln: 1e6, miljard: 1e9, mld: 1e9 },
    decimalComma: true,
    months: MONTHS,
    weekdays: WEEKDAYS,
    dateJoiners: [],
  },
};
