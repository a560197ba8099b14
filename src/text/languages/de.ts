// German. Nouns are capitalized, so a capital after an abbreviation says little: most abbreviations end a
// sentence only before a common opener ("…4,2 Mio. Euro" goes on, "…4,2 Mio. Die Stadt…" does not).
// Ordinals take a period ("am 14. März", "zum 3. Mal"), and quotations open low („…“) or with »…«.
import { withCapitals, type LanguageProfile } from './profile.js';

const STOPWORDS = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'und', 'oder', 'aber',
  'doch', 'sondern', 'denn', 'als', 'wie', 'wenn', 'weil', 'dass', 'daß', 'ob', 'zu', 'zum', 'zur', 'im', 'in', 'am',
  'an', 'auf', 'aus', 'bei', 'beim', 'mit', 'nach', 'von', 'vom', 'vor', 'für', 'über', 'unter', 'um', 'bis', 'durch',
  'gegen', 'ohne', 'seit', 'während', 'wegen', 'trotz', 'zwischen', 'ist', 'sind', 'war', 'waren', 'wird', 'werden',
  'wurde', 'wurden', 'worden', 'sei', 'seien', 'sein', 'seine', 'seiner', 'seinem', 'seinen', 'ihr', 'ihre', 'ihrer',
  'ihrem', 'ihren', 'hat', 'haben', 'hatte', 'hatten', 'habe', 'kann', 'können', 'konnte', 'konnten', 'soll',
  'sollen', 'sollte', 'muss', 'müssen', 'musste', 'will', 'wollen', 'wollte', 'er', 'sie', 'es', 'wir', 'ich', 'man',
  'sich', 'ihm', 'ihn', 'ihnen', 'uns', 'auch', 'noch', 'schon', 'nur', 'nun', 'so', 'sehr', 'mehr', 'dann', 'da',
  'hier', 'dort', 'dies', 'diese', 'dieser', 'dieses', 'diesem', 'diesen', 'alle', 'allen', 'aller', 'alles', 'viele',
  'vielen', 'einige', 'wieder', 'immer', 'bereits', 'etwa', 'rund', 'nicht', 'kein', 'keine', 'keinen', 'keinem',
  'keiner', 'was', 'wer', 'wo', 'welche', 'welcher', 'welches', 'damit', 'dazu', 'davon', 'darauf', 'dabei', 'daher',
  'deshalb', 'jedoch', 'zudem', 'außerdem', 'bisher', 'jetzt', 'heute', 'gestern', 'sagte', 'sagt', 'sagten',
  'erklärte', 'laut', 'zufolge', 'herr', 'frau', 'dr', 'prof',
]);

const MONTHS = [
  ['januar', 'jan', 'jänner'], ['februar', 'feb', 'febr'], ['märz', 'mär', 'mrz'], ['april', 'apr'], ['mai'],
  ['juni', 'jun'], ['juli', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt'],
  ['november', 'nov'], ['dezember', 'dez'],
];
const WEEKDAYS = [['montag'], ['dienstag'], ['mittwoch'], ['donnerstag'], ['freitag'], ['samstag', 'sonnabend'], ['sonntag']];

const TITLES = [
  'Dr', 'Prof', 'Bürgermeister', 'Bürgermeisterin', 'Oberbürgermeister', 'Oberbürgermeisterin', 'Minister', 'Ministerin',
  'Landrat', 'Landrätin', 'Pfarrer', 'Pfarrerin', 'Direktor', 'Direktorin', 'Richter', 'Richterin', 'Kommissar',
  'Kommissarin', 'Senator', 'Senatorin', 'Präsident', 'Präsidentin', 'Kapitän', 'Kapitänin', 'Trainer', 'Trainerin',
  'Ortsvorsteher', 'Ortsvorsteherin', 'Sprecher', 'Sprecherin', 'Stadtrat', 'Stadträtin', 'Gemeinderat', 'Gemeinderätin',
];

export const german: LanguageProfile = {
  code: 'de',
  sentences: {
    nonTerminal: new Set([
      'Dr', 'Prof', 'Hr', 'Dipl', 'Ing', 'St', 'Hl', 'Abg', 'Bgm', 'Präs', 'Pfr',
      ...withCapitals(['ca', 'bzw', 'ggf', 'evtl', 'vgl', 'sog', 'inkl', 'exkl', 'zzgl', 'bspw', 'geb', 'gest', 'verh', 'tel']),
      'z', 'd', 'u', 'o', 'v', 'i', 's', 'n', 'a', 'e', 'Z', 'D', 'U',
    ]),
    sentenceFinal: new Set(['Jan', 'Feb', 'Febr', 'Mär', 'Mrz', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Okt', 'Nov', 'Dez', 'usw', 'etc', 'Mio', 'Mrd', 'Tsd', 'Jh', 'Jhd', 'Str', 'Co', 'Inc', 'Ltd', 'Std', 'Min', 'min', 'max', 'ff', 'Chr', 'Nr', 'Abs']),
    beforeNumber: new Set(['Nr', 'Abs', 'Art', 'S', 'Bd', 'Kap', 'Abb', 'Tab', 'Ziff', 'Str', 'Pkt', 'Jg', 'Az', 'Tel']),
    multiPart: new Map([
      ['z. B', 'never'], ['Z. B', 'never'], ['d. h', 'never'], ['D. h', 'never'], ['v. a', 'never'], ['i. d. R', 'never'],
      ['z. T', 'never'], ['u. U', 'never'], ['u. a', 'unless-opener'], ['U. a', 'unless-opener'], ['o. ä', 'unless-opener'],
      ['u. ä', 'unless-opener'], ['s. o', 'unless-opener'], ['s. u', 'unless-opener'], ['a. D', 'unless-opener'],
      ['e. V', 'unless-opener'], ['n. Chr', 'final'], ['v. Chr', 'final'],
    ]),
    compoundEndings: new Map([['str', 'Str']]),
    openers: new Set([
      'Der', 'Die', 'Das', 'Den', 'Dem', 'Des', 'Ein', 'Eine', 'Einen', 'Einem', 'Er', 'Sie', 'Es', 'Wir', 'Ich', 'Man',
      'Ihr', 'Ihre', 'Sein', 'Seine', 'Dies', 'Diese', 'Dieser', 'Dieses', 'Dort', 'Hier', 'Doch', 'Aber', 'Und', 'Auch',
      'Nun', 'Jetzt', 'Heute', 'Gestern', 'Bisher', 'Zudem', 'Außerdem', 'Damit', 'Deshalb', 'Daher', 'Trotzdem',
      'Dennoch', 'So', 'Als', 'Wenn', 'Weil', 'Nach', 'Vor', 'Im', 'Am', 'In', 'Auf', 'Bei', 'Mit', 'Für', 'Seit', 'Laut',
      'Um', 'Zum', 'Zur', 'Vom', 'Beim', 'Bis', 'Danach', 'Dann', 'Dabei', 'Darüber', 'Davon', 'Zwar', 'Allerdings',
      'Inzwischen', 'Unter', 'Über', 'Während', 'Wie', 'Was', 'Wer', 'Wo', 'Warum', 'Noch', 'Schon', 'Nur', 'Alle',
      'Viele', 'Einige', 'Mehrere', 'Rund', 'Etwa', 'Mehr', 'Kein', 'Keine', 'Nicht', 'Ob', 'Mittlerweile', 'Künftig',
      'Damals', 'Zuvor', 'Später', 'Zuletzt', 'Erst', 'Gleichzeitig', 'Demnach', 'Deswegen', 'Darum',
    ]),
    closingMarks: new Set(['“', '”', '‘', '’', '«', '»', '‹', '›', '"', "'", ')', ']']),
    spacedClosingMarks: new Set(),
    openingMarks: new Set(['„', '‚', '»', '«', '›', '‹', '“', '‘', '"', "'", '(', '[']),
    spacedOpeningMarks: new Set(),
    lowercaseOpeners: [],
    ordinalCues: new Set([
      'der', 'die', 'das', 'dem', 'den', 'des', 'am', 'im', 'zum', 'zur', 'vom', 'beim', 'ab', 'bis', 'seit', 'vor', 'nach',
      'um', 'an', 'ein', 'eine', 'einem', 'einen', 'einer', 'eines', 'jeden', 'jedem', 'sein', 'seine', 'seinem', 'seinen',
      'ihr', 'ihre', 'ihrem', 'ihren', 'ihrer', 'seiner', 'unserer', 'unseren', 'unserem', 'dessen', 'deren', 'und', 'zu', 'fürs', 'ins',
      'aufs', 'zwei', 'drei', 'vier', 'beiden', 'alle', 'allen', 'jede', 'jeder', 'jedes',
    ]),
  },
  words: {
    stopwords: STOPWORDS,
    elisions: new Set(),
    suffixes: [['ungen', 'ung'], ['heiten', 'heit'], ['keiten', 'keit'], ['innen', 'in'], ['ern', ''], ['en', ''], ['er', ''], ['es', ''], ['em', ''], ['e', ''], ['s', ''], ['n', '']],
    minStem: 4,
  },
  speech: {
    attributionVerbs: [
      'sagte', 'sagt', 'sagten', 'erklärte', 'erklärt', 'erklärten', 'betonte', 'betont', 'meinte', 'meint', 'berichtete',
      'berichtet', 'schrieb', 'schreibt', 'fragte', 'antwortete', 'warnte', 'warnt', 'ergänzte', 'ergänzt', 'fügte',
      'erläuterte', 'versicherte', 'teilte', 'zufolge', 'sagte zu', 'räumte',
    ],
    attributionPrepositions: ['laut', 'nach Angaben von'],
    stanceVerbs: [
      'forderte', 'fordert', 'kritisierte', 'kritisiert', 'lobte', 'versprach', 'bestätigte', 'bestätigt', 'dementierte',
      'bestritt', 'kündigte', 'begrüßte', 'verwies', 'beklagte', 'verteidigte', 'drängte', 'schlug', 'mahnte',
    ],
    pronouns: { m: ['er'], f: ['sie'], plural: ['sie'] },
    pronounAttributions: [],
    dropsPronouns: false,
    subjectPrefixes: ['der', 'die', 'das', 'dem', 'den', 'ehemalige', 'ehemaliger', 'frühere', 'früherer'],
    and: 'und',
    articles: ['der', 'die', 'das', 'dem', 'den'],
    honorifics: new Map([['Herr', 'm'], ['Herrn', 'm'], ['Frau', 'f'], ['Dr.', undefined], ['Prof.', undefined]]),
    courtesyTitles: ['Herr', 'Herrn', 'Frau'],
    keptTitles: TITLES,
    personTitles: ['Herr', 'Herrn', 'Frau', ...TITLES],
    speakerTitles: ['Herr', 'Herrn', 'Frau', ...TITLES],
    roleWords: new Set([
      ...TITLES.map((t) => t.toLowerCase()), 'dr.', 'prof.', 'chef', 'chefin', 'leiter', 'leiterin', 'vorsitzende',
      'vorsitzender', 'geschäftsführer', 'geschäftsführerin', 'polizeisprecher', 'polizeisprecherin', 'anwalt',
      'anwältin', 'arzt', 'ärztin', 'lehrer', 'lehrerin', 'landwirt', 'landwirtin', 'fischer', 'fischerin', 'ingenieur',
      'ingenieurin', 'förster', 'försterin', 'wirt', 'wirtin', 'bäcker', 'bäckerin', 'anwohner', 'anwohnerin',
      'staatsanwalt', 'staatsanwältin', 'stadtsprecher', 'stadtsprecherin', 'kämmerer', 'kämmerin', 'architektin', 'architekt',
    ]),
    nonPersonWords: new Set([
      'stadt', 'gemeinde', 'kreis', 'landkreis', 'land', 'bund', 'verein', 'partei', 'rat', 'gemeinderat', 'stadtrat', 'amt',
      'ministerium', 'gericht', 'polizei', 'feuerwehr', 'schule', 'gymnasium', 'universität', 'hochschule', 'klinik',
      'krankenhaus', 'museum', 'bibliothek', 'kirche', 'bahnhof', 'hafen', 'flughafen', 'straße', 'platz', 'weg', 'allee',
      'brücke', 'see', 'fluss', 'berg', 'tal', 'insel', 'bank', 'sparkasse', 'gmbh', 'ag', 'kg', 'zeitung', 'bote',
      'anzeiger', 'rundschau', 'kurier', 'post', 'tageblatt', 'nachrichten', 'werk', 'werke', 'stadtwerke', 'verband',
      'gewerkschaft', 'regierung', 'landtag', 'bundestag', 'kommission', 'stiftung', 'institut', 'zentrum', 'markt', 'park',
      'halle', 'fähre', 'genossenschaft', 'sankt', 'neue', 'neuer', 'neues', 'alte', 'alter', 'altes',
    ]),
    notNameWords: new Set([...STOPWORDS, ...MONTHS.flat(), ...WEEKDAYS.flat(), 'morgen', 'jahr', 'jahre', 'prozent', 'euro', 'nach', 'seit', 'laut']),
    nameParticles: new Set(['von', 'van', 'der', 'de', 'zu', 'vom', 'zum', 'den']),
    dependentOpeners: new Set([
      'Er', 'Sie', 'Es', 'Ihr', 'Ihre', 'Ihren', 'Ihrem', 'Sein', 'Seine', 'Seinen', 'Seinem', 'Dies', 'Diese', 'Dieser',
      'Dieses', 'Diesen', 'Aber', 'Doch', 'Jedoch', 'Allerdings', 'Trotzdem', 'Dennoch', 'Auch', 'Zudem', 'Außerdem',
      'Ebenso', 'Deshalb', 'Daher', 'Darum', 'Deswegen', 'Dann', 'Danach', 'Dabei', 'Damit', 'Dazu', 'Stattdessen', 'Dort',
      'Somit', 'Folglich', 'Hingegen', 'Dagegen', 'Darauf', 'Davor',
    ]),
    quotePairs: [['„', '“'], ['»', '«'], ['‚', '‘'], ['"', '"']],
    quotationStarts: '„»‚"',
  },
  facts: {
    negations: new Set(['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'niemand', 'weder', 'ohne', 'nirgends']),
    negationBefore: true,
    numberWords: {
      zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12, zwanzig: 20,
      dreißig: 30, hundert: 100, dutzend: 12, hälfte: 0.5,
    },
    countingWords: ['zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'neun', 'zehn', 'zwölf', 'zwanzig', 'dreißig', 'hundert', 'dutzend'],
    scales: { tausend: 1e3, tsd: 1e3, million: 1e6, millionen: 1e6, mio: 1e6, milliarde: 1e9, milliarden: 1e9, mrd: 1e9 },
    decimalComma: true,
    months: MONTHS,
    weekdays: WEEKDAYS,
    dateJoiners: [],
  },
};
