// Spanish. Questions and exclamations open with ¿ and ¡, quotations are «…», dialogue opens with a dash
// ("—No lo sé —dijo el alcalde—."), abbreviations come in dotted pairs ("EE. UU.", "p. ej."), and the
// subject pronoun is usually dropped ("«…», dijo."), so a bare verb of speech credits someone named before.
import { GUILLEMET_MARKS } from './marks.js';
import { withCapitals, type LanguageProfile } from './profile.js';

const STOPWORDS = new Set([
  'el', 'la', 'los', 'las', 'lo', 'un', 'una', 'unos', 'unas', 'y', 'e', 'o', 'u', 'ni', 'pero', 'sino', 'que', 'qué',
  'quien', 'quienes', 'cual', 'cuales', 'cuyo', 'de', 'del', 'al', 'a', 'ante', 'bajo', 'con', 'contra', 'desde',
  'durante', 'en', 'entre', 'hacia', 'hasta', 'para', 'por', 'según', 'sin', 'sobre', 'tras', 'se', 'su', 'sus', 'le',
  'les', 'me', 'te', 'nos', 'mi', 'mis', 'él', 'ella', 'ellos', 'ellas', 'usted', 'ustedes', 'yo', 'este', 'esta',
  'estos', 'estas', 'ese', 'esa', 'esos', 'esas', 'esto', 'eso', 'es', 'son', 'era', 'eran', 'fue', 'fueron', 'ser',
  'sido', 'será', 'está', 'están', 'estaba', 'estaban', 'estar', 'ha', 'han', 'había', 'habían', 'haber', 'hay', 'muy',
  'más', 'menos', 'ya', 'también', 'tampoco', 'como', 'cuando', 'donde', 'mientras', 'porque', 'pues', 'si', 'no',
  'sí', 'todo', 'toda', 'todos', 'todas', 'otro', 'otra', 'otros', 'otras', 'mismo', 'misma', 'dijo', 'dice', 'afirmó',
  'sr', 'sra', 'don', 'doña',
]);

const MONTHS = [
  ['enero', 'ene'], ['febrero', 'feb'], ['marzo'], ['abril', 'abr'], ['mayo'], ['junio', 'jun'], ['julio', 'jul'],
  ['agosto', 'ago'], ['septiembre', 'setiembre', 'sep', 'sept'], ['octubre', 'oct'], ['noviembre', 'nov'], ['diciembre', 'dic'],
];
const WEEKDAYS = [['lunes'], ['martes'], ['miércoles'], ['jueves'], ['viernes'], ['sábado'], ['domingo']];

const OFFICES = [
  'alcalde', 'alcaldesa', 'ministro', 'ministra', 'presidente', 'presidenta', 'concejal', 'concejala', 'director', 'directora',
  'juez', 'jueza', 'capitán', 'capitana', 'comisario', 'comisaria', 'senador', 'senadora', 'diputado', 'diputada', 'portavoz',
  'gobernador', 'gobernadora', 'doctor', 'doctora', 'entrenador', 'entrenadora', 'teniente', 'sargento',
];

export const spanish: LanguageProfile = {
  code: 'es',
  sentences: {
    nonTerminal: new Set([
      'Sr', 'Sra', 'Srta', 'Sres', 'Sras', 'Dña', 'Dr', 'Dra', 'Lic', 'Ing', 'Arq', 'Prof', 'Profa', 'Gral', 'Cnel', 'Excmo',
      'Excma', 'Ilmo', 'Ilma', 'Sto', 'Sta', 'Ud', 'Uds', 'Vd', 'Vds', 'EE', 'CC', 'S', 'a', 'd', 'p', 'P',
      ...withCapitals(['av', 'avda', 'pág', 'págs', 'aprox', 'ej', 'núm', 'tel', 'vs', 'admón', 'dcha', 'izq', 'c']),
    ]),
    sentenceFinal: new Set(['etc', 'Cía', 'Ltda', 'Inc', 'Ltd', 'Co', 'hs', 'mill']),
    beforeNumber: new Set([...withCapitals(['ene', 'feb', 'abr', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic']), 'núm', 'n', 'art', 'Art', 'pág', 'págs', 'p', 'cap', 'vol', 'tel', 'fig']),
    multiPart: new Map([
      ['EE. UU', 'unless-opener'], ['p. ej', 'never'], ['P. ej', 'never'], ['S. A', 'unless-opener'], ['CC. OO', 'unless-opener'], ['a. C', 'final'],
      ['d. C', 'final'], ['a. m', 'unless-opener'], ['p. m', 'unless-opener'],
    ]),
    compoundEndings: new Map(),
    openers: new Set([
      'El', 'La', 'Los', 'Las', 'Un', 'Una', 'Unos', 'Unas', 'Él', 'Ella', 'Ellos', 'Ellas', 'Se', 'Su', 'Sus', 'Este', 'Esta',
      'Estos', 'Estas', 'Ese', 'Esa', 'Eso', 'Esto', 'Pero', 'Y', 'O', 'Sin', 'Con', 'En', 'A', 'Al', 'Del', 'De', 'Por',
      'Para', 'Según', 'Tras', 'Desde', 'Durante', 'Ante', 'Entre', 'Sobre', 'Hasta', 'Cuando', 'Si', 'Como', 'Aunque',
      'También', 'Además', 'Ya', 'Hoy', 'Ayer', 'Mañana', 'No', 'Nadie', 'Todos', 'Todas', 'Muchos', 'Varios', 'Algunos',
      'Otro', 'Otra', 'Lo', 'Le', 'Les', 'Hay', 'Fue', 'Es', 'Era', 'Allí', 'Aquí', 'Después', 'Antes', 'Luego', 'Entonces',
    ]),
    ...GUILLEMET_MARKS,
    openingMarks: new Set([...GUILLEMET_MARKS.openingMarks, '¿', '¡']),
    lowercaseOpeners: [],
    ordinalCues: new Set(),
  },
  words: {
    stopwords: STOPWORDS,
    elisions: new Set(),
    suffixes: [['ciones', 'cion'], ['ción', 'cion'], ['mente', ''], ['es', ''], ['os', ''], ['as', ''], ['s', ''], ['a', ''], ['o', ''], ['e', '']],
    minStem: 4,
  },
  speech: {
    attributionVerbs: [
      'dijo', 'dice', 'afirmó', 'afirma', 'aseguró', 'asegura', 'explicó', 'explica', 'declaró', 'declara', 'señaló', 'señala',
      'añadió', 'añade', 'agregó', 'agrega', 'indicó', 'indica', 'manifestó', 'advirtió', 'advierte', 'sostuvo', 'sostiene',
      'comentó', 'precisó', 'subrayó', 'respondió', 'reconoció', 'recordó', 'destacó', 'apuntó', 'insistió', 'relató',
      'contó', 'expresó', 'anunció', 'escribió', 'preguntó', 'reprochó', 'replicó', 'admitió', 'resumió',
    ],
    attributionPrepositions: ['según'],
    stanceVerbs: ['criticó', 'pidió', 'exigió', 'prometió', 'defendió', 'denunció', 'lamentó', 'celebró', 'confirmó', 'negó', 'propuso', 'reclamó', 'instó', 'elogió'],
    pronouns: { m: ['él'], f: ['ella'], plural: ['ellos', 'ellas'] },
    pronounAttributions: [],
    dropsPronouns: true,
    subjectPrefixes: ['el', 'la', 'los', 'las', 'ex'],
    and: 'y',
    articles: ['el', 'la', 'los', 'las'],
    honorifics: new Map([
      ['Sr.', 'm'], ['Sra.', 'f'], ['Srta.', 'f'], ['Dña.', 'f'], ['Don', 'm'], ['Doña', 'f'], ['Dr.', 'm'], ['Dra.', 'f'],
      ['Lic.', undefined], ['Ing.', undefined], ['Prof.', undefined],
    ]),
    courtesyTitles: ['Sr', 'Sra', 'Srta'],
    keptTitles: ['Dr', 'Dra', 'Lic', 'Ing', 'Prof', 'Profa', ...OFFICES],
    personTitles: ['Sr', 'Sra', 'Srta', 'Dr', 'Dra', 'Lic', 'Ing', 'Prof', 'Profa', ...OFFICES],
    speakerTitles: ['Sr', 'Sra', 'Srta', 'Dr', 'Dra', 'Lic', 'Ing', 'Prof', 'Profa', ...OFFICES],
    roleWords: new Set([
      ...OFFICES, 'vecino', 'vecina', 'pescador', 'pescadora', 'agricultor', 'agricultora', 'abogado', 'abogada', 'fiscal',
      'ingeniero', 'ingeniera', 'médico', 'médica', 'enfermero', 'enfermera', 'maestro', 'maestra', 'profesor', 'profesora',
      'jefe', 'jefa', 'responsable', 'gerente', 'secretario', 'secretaria', 'delegado', 'delegada', 'consejero', 'consejera',
      'regidor', 'regidora', 'panadero', 'panadera', 'arquitecto', 'arquitecta', 'sindicalista', 'vocero', 'vocera',
      'conductor', 'conductora', 'dueño', 'dueña', 'patrón', 'patrona',
    ]),
    nonPersonWords: new Set([
      'ciudad', 'municipio', 'ayuntamiento', 'pueblo', 'provincia', 'región', 'comunidad', 'gobierno', 'ministerio', 'consejo',
      'concejo', 'junta', 'tribunal', 'juzgado', 'policía', 'guardia', 'bomberos', 'escuela', 'colegio', 'instituto',
      'universidad', 'hospital', 'clínica', 'museo', 'biblioteca', 'iglesia', 'estación', 'puerto', 'aeropuerto', 'calle',
      'avenida', 'plaza', 'puente', 'lago', 'río', 'monte', 'sierra', 'isla', 'banco', 'empresa', 'compañía', 'grupo',
      'asociación', 'sindicato', 'partido', 'diario', 'periódico', 'noticias', 'radio', 'mercado', 'parque', 'centro', 'san',
      'santa', 'santo', 'congreso', 'senado', 'unión', 'federación', 'fundación', 'cooperativa', 'valle', 'cofradía',
    ]),
    // Months and weekdays are written lowercase here: a capitalized "Julio" is a name.
    notNameWords: new Set([...STOPWORDS, 'ayer', 'hoy', 'mañana', 'euros', 'tras']),
    nameParticles: new Set(['de', 'del', 'la', 'las', 'los', 'y']),
    dependentOpeners: new Set([
      'Él', 'Ella', 'Ellos', 'Ellas', 'Este', 'Esta', 'Esto', 'Estos', 'Estas', 'Eso', 'Esa', 'Ese', 'Su', 'Sus', 'Pero',
      'Además', 'También', 'Aun', 'Entonces', 'Luego', 'Así', 'Asimismo', 'Incluso', 'Tampoco', 'Allí', 'Ahí', 'Sin',
    ]),
    quotePairs: [['«', '»'], ['“', '”'], ['‹', '›'], ['"', '"']],
    quotationStarts: '«“"‹—–',
  },
  facts: {
    negations: new Set(['no', 'nunca', 'jamás', 'ningún', 'ninguno', 'ninguna', 'nadie', 'nada', 'ni', 'sin', 'tampoco']),
    negationBefore: false,
    numberWords: {
      dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, veinte: 20,
      treinta: 30, cien: 100, ciento: 100, docena: 12, mitad: 0.5,
    },
    countingWords: ['dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'veinte', 'treinta', 'cien', 'docena'],
    scales: { 'mil millones': 1e9, mil: 1e3, millón: 1e6, millones: 1e6, billón: 1e12, billones: 1e12 },
    decimalComma: true,
    months: MONTHS,
    weekdays: WEEKDAYS,
    dateJoiners: ['de', 'del'],
  },
};
