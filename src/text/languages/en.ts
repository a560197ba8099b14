// English: the tables the text stages were first written with. Other languages follow the same shape.
import { BEFORE_NUMBER_ABBREVIATIONS, COMMON_SENTENCE_OPENERS, NON_TERMINAL_ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS } from '../abbreviations.js';
import type { LanguageProfile } from './profile.js';

/**
 * Function words that say nothing about what an article is about. Kept small on purpose: within one
 * article, inverse document frequency already discounts common words, so this list only has to remove
 * the ones frequent enough to swamp it. "said" and the honorifics are here because news copy repeats
 * them in nearly every sentence.
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'after', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'before',
  'being', 'between', 'both', 'but', 'by', 'can', 'could', 'did', 'do', 'does', 'each', 'even', 'for',
  'from', 'had', 'has', 'have', 'he', 'her', 'here', 'him', 'his', 'how', 'i', 'if', 'in', 'into', 'is',
  'it', "it's", 'its', 'just', 'many', 'may', 'more', 'most', 'much', 'must', 'no', 'not', 'now', 'of',
  'on', 'one', 'only', 'or', 'other', 'our', 'out', 'over', 'said', 'say', 'says', 'she', 'should', 'so',
  'some', 'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this',
  'those', 'through', 'to', 'too', 'under', 'up', 'very', 'was', 'we', 'were', 'what', 'when', 'where',
  'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with', 'would', 'you', 'your',
  'mr', 'mrs', 'ms', 'dr',
]);

/**
 * Office words that, written before a name, make it a person and say their role. Lowercase so both
 * "President Sheinbaum" and "the president" match after lowercasing.
 */
export const ENGLISH_ROLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'vice', 'secretary', 'minister', 'prime', 'mayor', 'governor', 'gov.', 'senator', 'sen.',
  'representative', 'rep.', 'judge', 'justice', 'chief', 'general', 'gen.', 'colonel', 'captain', 'commissioner',
  'director', 'chair', 'chairman', 'chairwoman', 'chairperson', 'councilor', 'councillor', 'councilwoman',
  'councilman', 'sheriff', 'superintendent', 'principal', 'professor', 'prof.', 'inspector', 'detective',
  'officer', 'spokesman', 'spokeswoman', 'spokesperson', 'treasurer', 'ambassador', 'deputy', 'coach',
  'manager', 'founder', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'father',
  'reverend', 'rev.', 'lieutenant', 'sergeant', 'commander', 'admiral', 'premier', 'editor', 'executive',
  'ceo', 'head', 'leader', 'lawyer', 'attorney', 'auditor', 'clerk', 'marshal', 'warden', 'curator', 'dean',
  'owner', 'engineer', 'teacher', 'librarian', 'organizer', 'biologist', 'scientist', 'architect', 'keeper',
  'steward', 'planner', 'agent', 'nurse', 'member', 'members', 'advocate', 'supervisor', 'landlord', 'developer',
  'economist', 'analyst', 'researcher', 'historian', 'doctor', 'physician', 'pastor', 'rabbi', 'imam', 'farmer',
  'grower', 'fisherman', 'pilot', 'driver', 'resident', 'student', 'worker', 'president-elect', 'administrator',
  'prosecutor', 'hotelier', 'commuter', 'negotiator', 'glaciologist', 'astronomer', 'spokesperson', 'official',
]);

/** Capitalized words that open sentences or name months and days, never a person by themselves. */
export const ENGLISH_NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'if', 'when', 'while', 'after', 'before', 'on', 'in', 'at', 'for', 'to',
  'of', 'by', 'with', 'from', 'as', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these',
  'those', 'there', 'here', 'both', 'all', 'some', 'many', 'most', 'several', 'one', 'two', 'three', 'no',
  'not', 'yes', 'also', 'still', 'yet', 'so', 'then', 'now', 'later', 'earlier', 'meanwhile', 'however',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'according', 'asked', 'said', 'his', 'her', 'their', 'our', 'my', 'your', 'what', 'who', 'why', 'how',
  'where', 'which', 'even', 'only', 'every', 'each', 'instead', 'under', 'over', 'despite', 'since', 'until',
  'about', 'among', 'during', 'without', 'within', 'because', 'although', 'though', 'last', 'next',
]);

/** Words that make a capitalized sequence an organization or a place rather than a person. */
const NON_PERSON_WORDS: ReadonlySet<string> = new Set([
  'states', 'state', 'department', 'ministry', 'council', 'party', 'times', 'republic', 'city', 'county',
  'university', 'college', 'school', 'company', 'inc', 'corp', 'bank', 'group', 'agency', 'association',
  'union', 'committee', 'court', 'board', 'house', 'senate', 'police', 'street', 'river', 'lake', 'valley',
  'island', 'islands', 'bay', 'port', 'harbor', 'harbour', 'hospital', 'museum', 'library', 'church', 'airport',
  'station', 'office', 'authority', 'commission', 'institute', 'foundation', 'fund', 'club', 'league', 'news',
  'gazette', 'post', 'herald', 'journal', 'tribune', 'press', 'radio', 'network', 'market', 'square', 'park',
  'road', 'avenue', 'lane', 'terrace', 'crescent', 'boulevard', 'highway', 'quay', 'wharf', 'pier', 'estate', 'bridge', 'center', 'centre', 'district', 'province', 'region', 'nations', 'army', 'navy',
  'force', 'guard', 'service', 'services', 'cartel', 'organization', 'pentagon', 'congress', 'parliament',
  'assembly', 'government', 'administration', 'works', 'mills', 'motors', 'airlines', 'energy', 'labs',
  'industries', 'cooperative', 'co-op', 'festival', 'fair', 'day', 'week', 'cup', 'act', 'bill', 'plan',
  // Words organizations put in their names: companies, funds, clubs.
  'capital', 'securities', 'partners', 'holdings', 'savings', 'insurance', 'media', 'systems', 'logistics',
  'shipping', 'freight', 'construction', 'foods', 'rail', 'railway', 'railways', 'airline', 'pharma', 'technologies',
  'alliance', 'federation', 'society', 'playhouse', 'brewery', 'rovers', 'rangers', 'united', 'athletic', 'wanderers',
  'albion', 'fc', 'ltd', 'llc', 'plc',
  // Institutions that speak through statements: "Pellinor Observatory said", "Tarnside Primary announced".
  'observatory', 'laboratory', 'academy', 'primary', 'infirmary', 'gallery', 'markets', 'stores', 'brigade',
  'coastguard', 'lifeboat', 'ambulance', 'charity', 'parish', 'borough', 'forum',
  'clinic', 'health', 'medical', 'library', 'zoo', 'theater', 'theatre', 'stadium', 'mall', 'ridge', 'falls', 'hollow', 'creek', 'springs', 'heights', 'grove', 'hills', 'point', 'beach', 'township', 'village', 'town', 'harbor', 'cove', 'glen', 'mills', 'crossing', 'junction', 'america', 'americas', 'american', 'latin', 'africa', 'europe', 'asia', 'north', 'south', 'east', 'west', 'new', 'mount', 'fort', 'saint', 'st.', 'hall', 'tower', 'trust',
]);

/**
 * Verbs news copy uses to attribute words to a speaker. Matched whole-word, so "States" (in "United
 * States") is not "stated".
 */
const ATTRIBUTION_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'tells', 'asked', 'asks', 'added', 'adds', 'wrote', 'writes',
  'stated', 'noted', 'explained', 'argued', 'insisted', 'declared', 'announced', 'replied', 'recalled',
  'warned', 'acknowledged', 'contended', 'tweeted', 'posted', 'according to',
];

/** Speech and stance verbs beyond the attribution list: a subject doing these is the claim's source. */
const STANCE_VERBS: readonly string[] = [
  'agreed', 'agree', 'agrees', 'emphasized', 'stressed', 'highlighted', 'praised', 'criticized', 'promised',
  'pledged', 'vowed', 'claimed', 'denied', 'confirmed', 'urged', 'called', 'described', 'admitted', 'suggested',
  'proposed', 'predicted', 'conceded', 'mentioned', 'reported', 'disclosed', 'revealed', 'blamed', 'thanked',
];

/**
 * Openers that point back at something earlier: pronouns and demonstratives need their referent, and
 * contrastive connectives ("But…") need the claim they contrast with, or the summary misleads.
 */
export const ENGLISH_DEPENDENT_OPENERS: ReadonlySet<string> = new Set([
  'He', 'She', 'They', 'It', 'That', 'This', 'These', 'Those', 'His', 'Her', 'Their', 'Its', 'Him',
  'Them', 'Such', 'But', 'However', 'Yet', 'Also', 'And', 'Instead', 'Meanwhile', 'Nevertheless', 'Nonetheless',
  'Moreover', 'Furthermore', 'Additionally', 'Besides', 'Likewise', 'Similarly', 'Otherwise', 'Therefore',
  'Thus', 'Hence', 'Consequently', 'Then',
]);

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, half: 0.5, third: 3, fourth: 4, fifth: 5, first: 1, second: 2,
};

export const english: LanguageProfile = {
  code: 'en',
  sentences: {
    nonTerminal: NON_TERMINAL_ABBREVIATIONS,
    sentenceFinal: SENTENCE_FINAL_ABBREVIATIONS,
    beforeNumber: BEFORE_NUMBER_ABBREVIATIONS,
    multiPart: new Map(),
    compoundEndings: new Map(),
    openers: COMMON_SENTENCE_OPENERS,
    closingMarks: new Set(['"', "'", '”', '’', ')', ']', '»']),
    spacedClosingMarks: new Set(),
    openingMarks: new Set(['"', "'", '“', '‘', '(', '[', '«']),
    spacedOpeningMarks: new Set(),
    lowercaseOpeners: [],
    ordinalCues: new Set(),
    attributionAfterQuote: /(?:[\p{Lu}][\p{L}.'’-]*\s+){1,4}(?:said|says|asked|asks|added|adds|replied|shouted|wrote|insisted)[.,;!?]/uy,
  },
  words: { stopwords: ENGLISH_STOPWORDS, elisions: new Set(), minStem: 3 },
  speech: {
    attributionVerbs: ATTRIBUTION_VERBS,
    attributionPrepositions: ['according to'],
    stanceVerbs: STANCE_VERBS,
    pronouns: { m: ['he'], f: ['she'], plural: ['they'] },
    pronounAttributions: [],
    dropsPronouns: false,
    subjectPrefixes: ['the', 'former', 'then', 'acting', 'interim', 'of'],
    subjectIntro:
      /^(?:(?:and|but|yet|so|also|meanwhile|later|earlier|still)\s*,?\s+)*(?:(?:on|at|in|during|after|before|later|earlier|speaking|asked|while|meanwhile|however)\b[^,]{0,80},\s+)?/i,
    collectiveSubject:
      /^(?:both|all)\s+(?:of\s+them|leaders|men|women|officials|sides|presidents|ministers|candidates|mayors|governments|parties|teams|the\s+\w+)?\b|^(?:the\s+)?(?:two|three)\s+(?:leaders|men|women|officials|sides|presidents|ministers|candidates|mayors)\b|^they\s+both\b/i,
    and: 'and',
    articles: ['the'],
    honorifics: new Map([
      ['Mr.', 'm'], ['Mrs.', 'f'], ['Ms.', 'f'], ['Mx.', undefined], ['Dr.', undefined], ['Sir', 'm'], ['Dame', 'f'],
    ]),
    courtesyTitles: ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx'],
    keptTitles: [
      'Dr', 'Prof', 'Professor', 'Rev', 'Father', 'Sister', 'Sir', 'Dame', 'Mayor', 'Gov', 'Governor', 'Sen', 'Senator', 'Rep',
      'Representative', 'President', 'Councilmember', 'Councilwoman', 'Councilman', 'Superintendent', 'Judge', 'Justice', 'Chief',
      'Commissioner', 'Sheriff', 'Secretary', 'Minister', 'Coach', 'Capt', 'Captain', 'Sgt', 'Sergeant', 'Lt', 'Detective', 'Officer',
      'Inspector', 'Director', 'Principal', 'Trustee',
    ],
    personTitles: [
      'Mr', 'Mrs', 'Ms', 'Dr', 'Father', 'Sister', 'Sir', 'Dame', 'Professor', 'Prof', 'Judge', 'Justice', 'Chief', 'Mayor', 'Gov',
      'Governor', 'Sen', 'Senator', 'Rep', 'Representative', 'President', 'Minister', 'Secretary', 'Superintendent', 'Commissioner',
      'Sergeant', 'Detective', 'Officer', 'Captain', 'Coach', 'Director', 'Chairman', 'Chairwoman',
    ],
    speakerTitles: ['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Gov', 'Sen', 'Rep', 'Gen', 'President', 'Secretary', 'Minister', 'Mayor', 'Judge', 'Chief'],
    roleWords: ENGLISH_ROLE_WORDS,
    nonPersonWords: NON_PERSON_WORDS,
    notNameWords: ENGLISH_NOT_NAME_WORDS,
    nameParticles: new Set(['de', 'la', 'del', 'van', 'von', 'der', 'da', 'di', 'le', 'bin', 'al', 'dos', 'du', 'of']),
    dependentOpeners: ENGLISH_DEPENDENT_OPENERS,
    quotePairs: [['“', '”'], ['"', '"']],
    quotationStarts: '“"‘',
  },
  facts: {
    negations: new Set(['not', 'never', 'no', 'neither', 'nor', 'none', 'nobody', 'nothing', 'without', "n't", 'cannot']),
    negationBefore: false,
    numberWords: NUMBER_WORDS,
    countingWords: Object.keys(NUMBER_WORDS).filter((w) => !['one', 'first', 'second', 'half', 'third', 'fourth', 'fifth'].includes(w)),
    scales: { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 },
    decimalComma: false,
    months: [
      ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'], ['july', 'jul'],
      ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
    ],
    weekdays: [['monday'], ['tuesday'], ['wednesday'], ['thursday'], ['friday'], ['saturday'], ['sunday']],
    dateJoiners: [],
  },
};
