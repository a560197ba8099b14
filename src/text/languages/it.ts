// Italian. Quotations are «…», articles and prepositions elide before a vowel (l’anno, dell’anno,
// un’ora), titles are abbreviated with a period inside ("Sig.ra", "Dott.ssa"), and the subject pronoun
// is usually dropped ("«…», ha detto.").
import { GUILLEMET_MARKS } from './marks.js';
import { withCapitals, type LanguageProfile } from './profile.js';

const STOPWORDS = new Set([
  'il', 'lo', 'la', 'i', 'gli', 'le', 'l', 'un', 'uno', 'una', 'di', 'del', 'dello', 'della', 'dei', 'degli', 'delle', 'd',
  'a', 'al', 'allo', 'alla', 'ai', 'agli', 'alle', 'da', 'dal', 'dallo', 'dalla', 'dai', 'dagli', 'dalle', 'in', 'nel',
  'nello', 'nella', 'nei', 'negli', 'nelle', 'con', 'su', 'sul', 'sullo', 'sulla', 'sui', 'sugli', 'sulle', 'per', 'tra',
  'fra', 'e', 'ed', 'o', 'od', 'ma', 'però', 'anche', 'che', 'chi', 'cui', 'non', 'più', 'meno', 'molto', 'è', 'sono',
  'era', 'erano', 'fu', 'stato', 'stata', 'stati', 'essere', 'sarà', 'ha', 'hanno', 'aveva', 'avevano', 'avere', 'ho',
  'si', 'ci', 'ne', 'questo', 'questa', 'questi', 'queste', 'quello', 'quella', 'quelli', 'quelle', 'suo', 'sua', 'suoi',
  'sue', 'loro', 'lui', 'lei', 'come', 'quando', 'dove', 'se', 'già', 'ancora', 'poi', 'così', 'tutto', 'tutti', 'tutte',
  'detto', 'dichiarato', 'sig', 'dott', 'c',
]);

const MONTHS = [
  ['gennaio', 'gen'], ['febbraio', 'feb'], ['marzo'], ['aprile', 'apr'], ['maggio', 'mag'], ['giugno', 'giu'],
  ['luglio', 'lug'], ['agosto', 'ago'], ['settembre', 'set', 'sett'], ['ottobre', 'ott'], ['novembre', 'nov'], ['dicembre', 'dic'],
];
const WEEKDAYS = [['lunedì'], ['martedì'], ['mercoledì'], ['giovedì'], ['venerdì'], ['sabato'], ['domenica']];

const OFFICES = [
  'sindaco', 'sindaca', 'vicesindaco', 'assessore', 'assessora', 'ministro', 'ministra', 'presidente', 'direttore', 'direttrice',
  'giudice', 'capitano', 'commissario', 'senatore', 'senatrice', 'questore', 'prefetto', 'don', 'padre', 'comandante',
];

export const italian: LanguageProfile = {
  code: 'it',
  sentences: {
    nonTerminal: new Set([
      'Sig', 'Sigg', 'Sig.ra', 'Sig.na', 'Dott', 'Dott.ssa', 'Prof', 'Prof.ssa', 'Avv', 'Ing', 'Arch', 'Geom', 'Rag', 'On',
      'Sen', 'Mons', 'S', 'SS', 'Spett', 'Egr', 'Gent', 'Gen', 'Col', 'Magg', 'Cap', 'Ten', 'Dr',
      ...withCapitals(['dott', 'prof', 'avv', 'ing', 'ca', 'cfr', 'es', 'pag', 'pagg', 'p', 'vs', 'sez', 'tel', 'c.a']),
    ]),
    sentenceFinal: new Set(['ecc', 'etc', 'mln', 'mld', 'Inc', 'Ltd', 'Co']),
    beforeNumber: new Set([...withCapitals(['gen', 'feb', 'apr', 'mag', 'giu', 'lug', 'ago', 'sett', 'ott', 'nov', 'dic']), 'n', 'nr', 'art', 'Art', 'pag', 'p', 'cap', 'vol', 'tel', 'comma', 'fig', 'max', 'min']),
    multiPart: new Map(),
    compoundEndings: new Map(),
    openers: new Set([
      'Il', 'Lo', 'La', 'I', 'Gli', 'Le', 'L', 'Un', 'Uno', 'Una', 'Lui', 'Lei', 'Loro', 'Questo', 'Questa', 'Questi', 'Queste',
      'Quel', 'Quella', 'Ma', 'E', 'Però', 'Anche', 'Inoltre', 'Per', 'In', 'Nel', 'Nella', 'Nei', 'Con', 'Da', 'Dal',
      'Dalla', 'Dopo', 'Prima', 'Durante', 'Secondo', 'Se', 'Quando', 'Mentre', 'Oggi', 'Ieri', 'Domani', 'Non', 'Tutti',
      'Molti', 'Alcuni', 'C', 'È', 'Ci', 'Si', 'Sono', 'Già', 'Così', 'Poi', 'Allora', 'Intanto', 'Tra', 'Fra', 'Sul',
      'Sulla', 'Al', 'Alla', 'Del', 'Della', 'A', 'Ad', 'Nessuno', 'Dall', 'Nell', 'Dell', 'All',
    ]),
    ...GUILLEMET_MARKS,
    lowercaseOpeners: [],
    ordinalCues: new Set(),
  },
  words: {
    stopwords: STOPWORDS,
    elisions: new Set(['l', 'dell', 'nell', 'all', 'dall', 'sull', 'coll', 'un', 'd', 'c', 'quest', 'quell', 's', 'm', 't', 'v', 'tutt', 'anch', 'bell', 'sant', 'nessun']),
    suffixes: [['zioni', 'zion'], ['zione', 'zion'], ['mente', ''], ['i', ''], ['e', ''], ['a', ''], ['o', '']],
    minStem: 4,
  },
  speech: {
    attributionVerbs: [
      'ha detto', 'ha dichiarato', 'ha spiegato', 'ha affermato', 'ha aggiunto', 'ha sottolineato', 'ha annunciato',
      'ha precisato', 'ha ricordato', 'ha commentato', 'ha risposto', 'ha riferito', 'ha assicurato', 'ha osservato',
      'ha avvertito', 'ha raccontato', 'ha scritto', 'ha ammesso', 'ha insistito', 'hanno detto', 'dice', 'afferma', 'spiega',
      'aggiunge', 'sottolinea', 'racconta', 'precisa', 'ricorda', 'commenta', 'osserva', 'assicura', 'disse', 'dichiara',
      'riferisce', 'ammette',
    ],
    attributionPrepositions: ['secondo'],
    stanceVerbs: [
      'ha criticato', 'critica', 'ha chiesto', 'chiede', 'ha promesso', 'promette', 'ha confermato', 'conferma', 'ha negato',
      'nega', 'ha proposto', 'propone', 'ha denunciato', 'denuncia', 'ha elogiato', 'ha lamentato', 'lamenta', 'ha difeso', 'difende',
    ],
    pronouns: { m: ['lui'], f: ['lei'], plural: ['loro'] },
    pronounAttributions: [],
    dropsPronouns: true,
    subjectPrefixes: ['il', 'lo', 'la', 'l’', 'ex'],
    and: 'e',
    articles: ['il', 'lo', 'la', 'l’', "l'", 'i', 'gli', 'le'],
    honorifics: new Map([
      ['Sig.', 'm'], ['Sig.ra', 'f'], ['Sig.na', 'f'], ['Dott.', 'm'], ['Dott.ssa', 'f'], ['Prof.', undefined], ['Prof.ssa', 'f'],
      ['Avv.', undefined], ['Ing.', undefined], ['On.', undefined], ['Don', 'm'], ['Mons.', 'm'],
    ]),
    courtesyTitles: ['Sig', 'Sig.ra', 'Sig.na'],
    keptTitles: ['Dott', 'Dott.ssa', 'Prof', 'Prof.ssa', 'Avv', 'Ing', 'On', ...OFFICES],
    personTitles: ['Sig', 'Sig.ra', 'Sig.na', 'Dott', 'Dott.ssa', 'Prof', 'Prof.ssa', 'Avv', 'Ing', 'On', ...OFFICES],
    speakerTitles: ['Sig', 'Sig.ra', 'Sig.na', 'Dott', 'Dott.ssa', 'Prof', 'Prof.ssa', 'Avv', 'Ing', 'On', ...OFFICES],
    roleWords: new Set([
      ...OFFICES, 'deputato', 'deputata', 'portavoce', 'segretario', 'segretaria', 'consigliere', 'consigliera', 'avvocato',
      'avvocata', 'procuratore', 'capo', 'responsabile', 'titolare', 'agricoltore', 'pescatore', 'ingegnere', 'insegnante',
      'medico', 'infermiere', 'infermiera', 'fornaio', 'architetto', 'sindacalista', 'residente', 'abitante', 'professore',
      'professoressa', 'dottore', 'dottoressa', 'parroco', 'gestore', 'proprietario', 'proprietaria',
    ]),
    nonPersonWords: new Set([
      'città', 'comune', 'paese', 'provincia', 'regione', 'governo', 'ministero', 'consiglio', 'giunta', 'tribunale', 'corte',
      'polizia', 'carabinieri', 'vigili', 'scuola', 'liceo', 'università', 'ospedale', 'clinica', 'museo', 'biblioteca',
      'chiesa', 'stazione', 'porto', 'aeroporto', 'via', 'viale', 'piazza', 'corso', 'ponte', 'lago', 'fiume', 'monte', 'isola',
      'banca', 'società', 'azienda', 'gruppo', 'associazione', 'sindacato', 'partito', 'giornale', 'gazzetta', 'corriere',
      'eco', 'radio', 'mercato', 'parco', 'centro', 'san', 'santa', 'santo', 'senato', 'camera', 'unione', 'federazione',
      'fondazione', 'cooperativa', 'valle', 'consorzio',
    ]),
    // Months and weekdays are written lowercase here: a capitalized "Julio" is a name.
    notNameWords: new Set([...STOPWORDS, 'ieri', 'oggi', 'domani', 'euro']),
    nameParticles: new Set(['de', 'di', 'del', 'della', 'da', 'dal', 'dalla', 'degli', 'dei', 'lo', 'la']),
    dependentOpeners: new Set([
      'Lui', 'Lei', 'Loro', 'Questo', 'Questa', 'Questi', 'Queste', 'Ciò', 'Quello', 'Quella', 'Suo', 'Sua', 'Suoi', 'Sue',
      'Ma', 'Però', 'Tuttavia', 'Eppure', 'Inoltre', 'Anche', 'Quindi', 'Dunque', 'Perciò', 'Poi', 'Allora', 'Così',
      'Invece', 'Intanto', 'Infatti', 'Anzi', 'Lì',
    ]),
    quotePairs: [['«', '»'], ['“', '”'], ['‹', '›'], ['"', '"']],
    quotationStarts: '«“"‹—–',
  },
  facts: {
    negations: new Set(['non', 'mai', 'nessuno', 'nessuna', 'niente', 'nulla', 'né', 'senza', 'neanche', 'nemmeno', 'neppure']),
    negationBefore: false,
    numberWords: {
      due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, undici: 11, dodici: 12,
      venti: 20, trenta: 30, cento: 100, dozzina: 12, metà: 0.5,
    },
    countingWords: ['due', 'tre', 'quattro', 'cinque', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'venti', 'trenta', 'cento', 'dozzina'],
    scales: { mila: 1e3, mille: 1e3, milione: 1e6, milioni: 1e6, mln: 1e6, miliardo: 1e9, miliardi: 1e9, mld: 1e9 },
    decimalComma: true,
    months: MONTHS,
    weekdays: WEEKDAYS,
    dateJoiners: [],
  },
};
