// French. Quotations are « … » with spaces inside, a space comes before ? ! : ;, dialogue opens with a
// dash, articles and pronouns elide before a vowel (l’article, qu’il), and "M." is a title, not an initial.
import { GUILLEMET_MARKS } from './marks.js';
import { withCapitals, type LanguageProfile } from './profile.js';

const STOPWORDS = new Set([
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'au', 'aux', 'et', 'ou', 'mais', 'donc', 'or', 'ni',
  'car', 'que', 'qu', 'qui', 'quoi', 'dont', 'où', 'ce', 'cet', 'cette', 'ces', 'se', 's', 'sa', 'son', 'ses', 'leur',
  'leurs', 'lui', 'elle', 'elles', 'il', 'ils', 'on', 'nous', 'vous', 'je', 'j', 'me', 'm', 'te', 't', 'y', 'en', 'ne',
  'n', 'pas', 'plus', 'est', 'sont', 'était', 'étaient', 'sera', 'seront', 'été', 'être', 'a', 'ont', 'avait', 'avaient',
  'avoir', 'aura', 'fait', 'faire', 'dans', 'sur', 'sous', 'pour', 'par', 'avec', 'sans', 'entre', 'vers', 'chez',
  'après', 'avant', 'depuis', 'pendant', 'selon', 'comme', 'aussi', 'très', 'tout', 'tous', 'toute', 'toutes', 'même',
  'cela', 'ça', 'c', 'ceci', 'celui', 'celle', 'ceux', 'déjà', 'encore', 'alors', 'ainsi', 'si', 'quand', 'lorsque',
  'lors', 'dit', 'déclaré', 'mme', 'mlle', 'monsieur', 'madame', 'à',
]);

const MONTHS = [
  ['janvier', 'janv'], ['février', 'févr', 'fév'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'], ['juillet', 'juil'],
  ['août'], ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'déc'],
];
const WEEKDAYS = [['lundi'], ['mardi'], ['mercredi'], ['jeudi'], ['vendredi'], ['samedi'], ['dimanche']];

const TITLES = [
  'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Me', 'Dr', 'Pr', 'Mgr', 'maire', 'mairesse', 'ministre', 'préfet', 'préfète', 'président',
  'présidente', 'directeur', 'directrice', 'juge', 'capitaine', 'commissaire', 'docteur', 'professeur', 'professeure',
  'sénateur', 'sénatrice', 'député', 'députée', 'porte-parole', 'adjoint', 'adjointe',
];

export const french: LanguageProfile = {
  code: 'fr',
  sentences: {
    nonTerminal: new Set([
      'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Me', 'Mgr', 'Dr', 'Pr', 'St', 'Ste',
      ...withCapitals(['av', 'bd', 'boul', 'env', 'cf', 'p', 'pp', 'vol', 'chap', 'éd', 'ex', 'apr']),
    ]),
    sentenceFinal: new Set(['etc', 'hab', 'min', 'Cie', 'Inc', 'Ltd', 'Co', 'mds', 'Mds']),
    beforeNumber: new Set([...withCapitals(['janv', 'févr', 'fév', 'juil', 'sept', 'oct', 'nov', 'déc']), 'art', 'Art', 'al', 'p', 'vol', 'chap', 't', 'fig', 'no', 'n']),
    multiPart: new Map([['p. ex', 'never'], ['P. ex', 'never']]),
    compoundEndings: new Map(),
    openers: new Set([
      'Le', 'La', 'Les', 'L', 'Un', 'Une', 'Des', 'Du', 'De', 'D', 'Il', 'Elle', 'Ils', 'Elles', 'On', 'Nous', 'Je', 'Ce', 'C',
      'Cette', 'Ces', 'Cet', 'Mais', 'Et', 'Or', 'Donc', 'Puis', 'Ensuite', 'Selon', 'Pour', 'Dans', 'En', 'Au', 'Aux', 'À',
      'Avec', 'Après', 'Avant', 'Depuis', 'Pendant', 'Lors', 'Sur', 'Par', 'Si', 'Quand', 'Lorsque', 'Alors', 'Aussi',
      'Cependant', 'Pourtant', 'Toutefois', 'Enfin', 'Désormais', 'Aujourd', 'Hier', 'Demain', 'Plusieurs', 'Certains',
      'Tous', 'Son', 'Sa', 'Ses', 'Leur', 'Leurs', 'Qu', 'Ni', 'Rien', 'Personne', 'Aucun', 'Aucune', 'Y', 'Il',
    ]),
    ...GUILLEMET_MARKS,
    lowercaseOpeners: [],
    ordinalCues: new Set(),
  },
  words: {
    stopwords: STOPWORDS,
    elisions: new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']),
    suffixes: [
      ['issements', 'iss'], ['issement', 'iss'], ['ements', ''], ['ement', ''], ['ations', 'at'], ['ation', 'at'], ['euses', 'eu'],
      ['euse', 'eu'], ['eaux', 'eau'], ['ées', ''], ['ée', ''], ['és', ''], ['é', ''], ['es', ''], ['e', ''], ['s', ''], ['x', ''],
    ],
    minStem: 3,
  },
  speech: {
    attributionVerbs: [
      'a déclaré', 'a dit', 'a affirmé', 'a expliqué', 'a indiqué', 'a ajouté', 'a précisé', 'a souligné', 'a annoncé',
      'a assuré', 'a estimé', 'a reconnu', 'a averti', 'a répondu', 'a confié', 'a rappelé', 'a insisté', 'a jugé',
      'a lancé', 'a écrit', 'ont déclaré', 'ont dit', 'déclare', 'dit', 'affirme', 'explique', 'indique', 'ajoute',
      'précise', 'souligne', 'annonce', 'assure', 'estime', 'reconnaît', 'avertit', 'répond', 'confie', 'rappelle',
      'insiste', 'raconte', 'résume', 'déclaré', 'ajouté', 'expliqué', 'affirmé', 'précisé', 'souligné', 'indiqué',
    ],
    attributionPrepositions: ['selon', 'd’après', "d'après"],
    stanceVerbs: [
      'a critiqué', 'critique', 'a salué', 'salue', 'a promis', 'promet', 'a demandé', 'demande', 'a réclamé', 'réclame',
      'a dénoncé', 'dénonce', 'a regretté', 'regrette', 'a confirmé', 'confirme', 'a démenti', 'dément', 'a proposé',
      'propose', 'a appelé', 'appelle', 'a exigé', 'exige', 'a défendu', 'défend',
    ],
    pronouns: { m: ['il'], f: ['elle'], plural: ['ils', 'elles'] },
    pronounAttributions: [String.raw`\ba-t-(il|elle|ils|elles)\s+\p{L}+`],
    dropsPronouns: false,
    subjectPrefixes: ['le', 'la', 'les', 'l’', 'ancien', 'ancienne'],
    and: 'et',
    articles: ['le', 'la', 'les', 'l’', "l'"],
    honorifics: new Map([['M.', 'm'], ['MM.', 'm'], ['Mme', 'f'], ['Mlle', 'f'], ['Me', undefined], ['Dr', undefined], ['Pr', undefined], ['Mgr', 'm']]),
    courtesyTitles: ['M', 'Mme', 'Mlle'],
    keptTitles: ['Dr', 'Pr', 'Me', 'Mgr'],
    personTitles: TITLES,
    speakerTitles: TITLES,
    roleWords: new Set([
      ...TITLES.filter((t) => t === t.toLowerCase()), 'secrétaire', 'conseiller', 'conseillère', 'avocat', 'avocate',
      'procureur', 'procureure', 'chef', 'cheffe', 'responsable', 'gérant', 'gérante', 'agriculteur', 'agricultrice',
      'pêcheur', 'pêcheuse', 'ingénieur', 'ingénieure', 'enseignant', 'enseignante', 'habitant', 'habitante', 'infirmier',
      'infirmière', 'médecin', 'boulanger', 'boulangère', 'architecte', 'syndicaliste', 'délégué', 'déléguée', 'patron',
      'patronne', 'propriétaire', 'capitaine', 'pilote', 'chauffeur', 'élu', 'élue',
    ]),
    nonPersonWords: new Set([
      'ville', 'commune', 'mairie', 'conseil', 'région', 'département', 'préfecture', 'ministère', 'tribunal', 'cour', 'police',
      'gendarmerie', 'pompiers', 'école', 'collège', 'lycée', 'université', 'hôpital', 'clinique', 'musée', 'bibliothèque',
      'église', 'gare', 'port', 'aéroport', 'rue', 'avenue', 'boulevard', 'place', 'pont', 'lac', 'rivière', 'fleuve',
      'mont', 'île', 'banque', 'société', 'entreprise', 'groupe', 'association', 'syndicat', 'parti', 'journal', 'gazette',
      'courrier', 'écho', 'dépêche', 'presse', 'radio', 'marché', 'parc', 'centre', 'saint', 'sainte', 'assemblée', 'sénat',
      'gouvernement', 'union', 'fédération', 'fondation', 'institut', 'compagnie', 'coopérative', 'vallée', 'quai',
    ]),
    // Months and weekdays are written lowercase here: a capitalized "Julio" is a name.
    notNameWords: new Set([...STOPWORDS, 'hier', 'demain', 'aujourd', 'mardi', 'euros']),
    nameParticles: new Set(['de', 'du', 'des', 'la', 'le', 'd’', "d'"]),
    dependentOpeners: new Set([
      'Il', 'Elle', 'Ils', 'Elles', 'Ce', 'Cette', 'Ces', 'Cela', 'Ça', 'Celui', 'Celle', 'Son', 'Sa', 'Ses', 'Leur', 'Leurs',
      'Mais', 'Pourtant', 'Cependant', 'Toutefois', 'Néanmoins', 'Or', 'Aussi', 'Ainsi', 'Donc', 'Alors', 'Puis', 'Ensuite',
      'Lui', 'Eux', 'Là', 'Celui-ci', 'Celle-ci', 'Dès', 'Du', 'Outre',
    ]),
    quotePairs: [['«', '»'], ['“', '”'], ['‹', '›'], ['"', '"']],
    quotationStarts: '«“"‹—–',
  },
  facts: {
    negations: new Set(['pas', 'jamais', 'aucun', 'aucune', 'rien', 'personne', 'ni', 'sans', 'non', 'nul', 'nulle', 'guère']),
    negationBefore: false,
    numberWords: {
      deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, vingt: 20,
      trente: 30, cent: 100, douzaine: 12, moitié: 0.5,
    },
    countingWords: ['deux', 'trois', 'quatre', 'cinq', 'six', 'huit', 'dix', 'onze', 'douze', 'vingt', 'trente', 'cent', 'douzaine'],
    scales: { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, md: 1e9, mds: 1e9 },
    decimalComma: true,
    months: MONTHS,
    weekdays: WEEKDAYS,
    dateJoiners: [],
  },
};
