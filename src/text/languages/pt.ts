// Portuguese (Brazil and Portugal). Quotations are “…” or «…», ordinals are written "1.º" and numbers
// "n.º 5", amounts "R$ 3,8 mi", and the subject pronoun is often dropped ("“…”, disse.").
import { GUILLEMET_MARKS } from './marks.js';
import { withCapitals, type LanguageProfile } from './profile.js';

const STOPWORDS = new Set([
  'o', 'a', 'os', 'as', 'um', 'uma', 'uns', 'umas', 'e', 'ou', 'mas', 'nem', 'que', 'quem', 'qual', 'quais', 'cujo', 'de',
  'do', 'da', 'dos', 'das', 'em', 'no', 'na', 'nos', 'nas', 'num', 'numa', 'por', 'pelo', 'pela', 'pelos', 'pelas', 'para',
  'com', 'sem', 'sobre', 'entre', 'até', 'após', 'desde', 'durante', 'contra', 'ao', 'aos', 'à', 'às', 'se', 'seu', 'sua',
  'seus', 'suas', 'lhe', 'lhes', 'me', 'te', 'ele', 'ela', 'eles', 'elas', 'eu', 'você', 'vocês', 'este', 'esta',
  'estes', 'estas', 'esse', 'essa', 'esses', 'essas', 'isto', 'isso', 'aquele', 'aquela', 'aquilo', 'é', 'são', 'era',
  'eram', 'foi', 'foram', 'ser', 'sido', 'será', 'está', 'estão', 'estava', 'estavam', 'estar', 'tem', 'têm', 'tinha',
  'tinham', 'ter', 'há', 'havia', 'muito', 'muitos', 'muita', 'mais', 'menos', 'já', 'também', 'ainda', 'como', 'quando',
  'onde', 'enquanto', 'porque', 'pois', 'não', 'sim', 'todo', 'toda', 'todos', 'todas', 'outro', 'outra', 'outros',
  'outras', 'mesmo', 'mesma', 'disse', 'diz', 'afirmou', 'segundo', 'sr', 'sra', 'senhor', 'senhora', 'dona',
]);

const MONTHS = [
  ['janeiro', 'jan'], ['fevereiro', 'fev'], ['março'], ['abril', 'abr'], ['maio', 'mai'], ['junho', 'jun'], ['julho', 'jul'],
  ['agosto', 'ago'], ['setembro', 'set'], ['outubro', 'out'], ['novembro', 'nov'], ['dezembro', 'dez'],
];
/** The short weekday names ("segunda", "quinta") are also ordinals, so only the full ones count. */
const WEEKDAYS = [['segunda-feira'], ['terça-feira'], ['quarta-feira'], ['quinta-feira'], ['sexta-feira'], ['sábado'], ['domingo']];

const OFFICES = [
  'prefeito', 'prefeita', 'presidente', 'ministro', 'ministra', 'diretor', 'diretora', 'juiz', 'juíza', 'capitão', 'comandante',
  'delegado', 'delegada', 'vereador', 'vereadora', 'deputado', 'deputada', 'senador', 'senadora', 'governador', 'governadora',
  'padre', 'autarca',
];

export const portuguese: LanguageProfile = {
  code: 'pt',
  sentences: {
    nonTerminal: new Set([
      'Sr', 'Sra', 'Srta', 'Srs', 'Sras', 'Dr', 'Dra', 'Drs', 'Prof', 'Profa', 'Eng', 'Arq', 'Exmo', 'Exma', 'D', 'V', 'Sto', 'Sta',
      ...withCapitals(['av', 'dep', 'aprox', 'pág', 'págs', 'ex', 'tel', 'vs']),
    ]),
    sentenceFinal: new Set(['etc', 'Ltda', 'Cia', 'Ltd', 'Inc', 'Co', 'mi', 'bi', 'S.A']),
    beforeNumber: new Set([...withCapitals(['fev', 'abr', 'jun', 'jul', 'ago', 'set', 'nov', 'dez']), 'n', 'art', 'Art', 'pág', 'p', 'cap', 'vol', 'tel', 'fig']),
    multiPart: new Map([['V. Exa', 'never']]),
    compoundEndings: new Map(),
    openers: new Set([
      'O', 'A', 'Os', 'As', 'Um', 'Uma', 'Uns', 'Umas', 'Ele', 'Ela', 'Eles', 'Elas', 'Este', 'Esta', 'Estes', 'Estas', 'Esse',
      'Essa', 'Isso', 'Isto', 'Mas', 'E', 'Ou', 'Com', 'Em', 'No', 'Na', 'Nos', 'Nas', 'Do', 'Da', 'Dos', 'Das', 'De', 'Para',
      'Por', 'Pelo', 'Pela', 'Segundo', 'Após', 'Depois', 'Antes', 'Durante', 'Desde', 'Quando', 'Se', 'Como', 'Embora',
      'Também', 'Além', 'Hoje', 'Ontem', 'Amanhã', 'Não', 'Todos', 'Muitos', 'Vários', 'Alguns', 'Outro', 'Outra', 'Seu',
      'Sua', 'Seus', 'Suas', 'Há', 'Foi', 'É', 'Era', 'Lá', 'Aqui', 'Ainda', 'Já', 'Então', 'Assim', 'Entre', 'Sobre', 'Até',
      'Ao', 'Aos', 'À', 'Às', 'Nenhum', 'Nenhuma',
    ]),
    ...GUILLEMET_MARKS,
    lowercaseOpeners: [],
    ordinalCues: new Set(),
  },
  words: {
    stopwords: STOPWORDS,
    elisions: new Set(),
    suffixes: [
      ['ções', 'cao'], ['ção', 'cao'], ['mente', ''], ['ões', 'ao'], ['ães', 'ao'], ['ão', 'ao'], ['es', ''], ['os', ''], ['as', ''],
      ['s', ''], ['a', ''], ['o', ''], ['e', ''],
    ],
    minStem: 4,
  },
  speech: {
    attributionVerbs: [
      'disse', 'diz', 'afirmou', 'afirma', 'declarou', 'declara', 'explicou', 'explica', 'acrescentou', 'acrescenta',
      'destacou', 'ressaltou', 'garantiu', 'informou', 'anunciou', 'comentou', 'respondeu', 'lembrou', 'contou', 'alertou',
      'sublinhou', 'frisou', 'assegurou', 'observou', 'reconheceu', 'admitiu', 'escreveu', 'insistiu', 'salientou', 'perguntou',
    ],
    attributionPrepositions: ['segundo', 'de acordo com', 'conforme'],
    stanceVerbs: ['criticou', 'pediu', 'exigiu', 'prometeu', 'defendeu', 'denunciou', 'lamentou', 'elogiou', 'confirmou', 'negou', 'propôs', 'reclamou', 'cobrou'],
    pronouns: { m: ['ele'], f: ['ela'], plural: ['eles', 'elas'] },
    pronounAttributions: [],
    dropsPronouns: true,
    subjectPrefixes: ['o', 'a', 'os', 'as', 'ex'],
    and: 'e',
    articles: ['o', 'a', 'os', 'as'],
    honorifics: new Map([
      ['Sr.', 'm'], ['Sra.', 'f'], ['Srta.', 'f'], ['Dr.', 'm'], ['Dra.', 'f'], ['Prof.', 'm'], ['Profa.', 'f'], ['D.', undefined],
      ['Dom', 'm'], ['Dona', 'f'], ['Eng.', undefined],
    ]),
    courtesyTitles: ['Sr', 'Sra', 'Srta'],
    keptTitles: ['Dr', 'Dra', 'Prof', 'Profa', 'Eng', ...OFFICES],
    personTitles: ['Sr', 'Sra', 'Srta', 'Dr', 'Dra', 'Prof', 'Profa', 'Eng', ...OFFICES],
    speakerTitles: ['Sr', 'Sra', 'Srta', 'Dr', 'Dra', 'Prof', 'Profa', 'Eng', ...OFFICES],
    roleWords: new Set([
      ...OFFICES, 'porta-voz', 'secretário', 'secretária', 'advogado', 'advogada', 'procurador', 'procuradora', 'chefe',
      'responsável', 'gerente', 'agricultor', 'agricultora', 'pescador', 'pescadora', 'engenheiro', 'engenheira', 'professor',
      'professora', 'médico', 'médica', 'enfermeiro', 'enfermeira', 'padeiro', 'padeira', 'arquiteto', 'arquiteta', 'morador',
      'moradora', 'sindicalista', 'coordenador', 'coordenadora', 'motorista', 'dono', 'dona',
    ]),
    nonPersonWords: new Set([
      'cidade', 'município', 'câmara', 'prefeitura', 'vila', 'província', 'região', 'estado', 'governo', 'ministério',
      'conselho', 'tribunal', 'polícia', 'bombeiros', 'escola', 'colégio', 'universidade', 'hospital', 'clínica', 'museu',
      'biblioteca', 'igreja', 'estação', 'porto', 'aeroporto', 'rua', 'avenida', 'praça', 'largo', 'ponte', 'lago', 'rio',
      'serra', 'ilha', 'banco', 'empresa', 'companhia', 'grupo', 'associação', 'sindicato', 'partido', 'jornal', 'diário',
      'gazeta', 'notícias', 'rádio', 'mercado', 'parque', 'centro', 'são', 'santa', 'santo', 'assembleia', 'senado', 'união',
      'federação', 'fundação', 'cooperativa', 'vale', 'colônia',
    ]),
    // Months and weekdays are written lowercase here: a capitalized "Julio" is a name.
    notNameWords: new Set([...STOPWORDS, 'ontem', 'hoje', 'amanhã', 'reais']),
    nameParticles: new Set(['de', 'da', 'do', 'dos', 'das', 'e']),
    dependentOpeners: new Set([
      'Ele', 'Ela', 'Eles', 'Elas', 'Este', 'Esta', 'Isto', 'Isso', 'Esse', 'Essa', 'Estes', 'Estas', 'Seu', 'Sua', 'Seus',
      'Suas', 'Mas', 'Porém', 'Contudo', 'Todavia', 'Entretanto', 'Além', 'Também', 'Então', 'Assim', 'Portanto', 'Depois',
      'Ali', 'Lá',
    ]),
    quotePairs: [['“', '”'], ['«', '»'], ['"', '"']],
    quotationStarts: '“«"—–',
  },
  facts: {
    negations: new Set(['não', 'nunca', 'jamais', 'nenhum', 'nenhuma', 'ninguém', 'nada', 'nem', 'sem']),
    negationBefore: false,
    numberWords: {
      dois: 2, duas: 2, três: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10, onze: 11, doze: 12,
      vinte: 20, trinta: 30, cem: 100, cento: 100, dúzia: 12, metade: 0.5,
    },
    countingWords: ['dois', 'duas', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'onze', 'doze', 'vinte', 'trinta', 'cem', 'dúzia'],
    scales: { 'mil milhões': 1e9, mil: 1e3, milhão: 1e6, milhões: 1e6, mi: 1e6, bilhão: 1e9, bilhões: 1e9, bi: 1e9 },
    decimalComma: true,
    months: MONTHS,
    weekdays: WEEKDAYS,
    dateJoiners: ['de'],
  },
};
