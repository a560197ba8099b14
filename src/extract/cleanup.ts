// Cleanup of the body Readability returns. It keeps the headline and the byline and dateline lines
// when the page's metadata already named them, and it keeps short promotional lines ("Read more: …",
// "Sign up for our newsletter"), image credits and the author's bio paragraph at the end. None of
// them is article text: quoting them as sentences of the story would be wrong.
import { parseByline } from './byline.js';
import { BLOCK_TAGS, leafBlocks, looseLines, removeWithEmptyParents } from './blocks.js';
import type { DomElement } from './dom.js';
import { isLinkDense } from './recirculation.js';
import { comparableText, normalizeSpace } from './html-text.js';

/** Only the top of the body is searched for headline/byline/dateline: a "By …" line further down is prose. */
const MAX_LEADING_BLOCKS = 4;
/** A dateline is short ("10 June 2025", "Updated 2025-06-10 08:00"); longer lines are prose. */
const MAX_DATELINE_CHARS = 40;
const BYLINE_LINE = /^by\s+\S/i;
const MAX_BYLINE_CHARS = 120;
const DATELINE_PREFIX = /^(?:published|updated|posted|last updated)(?:\s+on)?:?\s+/i;
/** Promotional lines are short; a paragraph that merely starts with "Read more" is rare but possible. */
const MAX_PROMO_CHARS = 200;
const PROMO_LINE = new RegExp(
  `^(?:${[
    'read more', 'read next', 'related', 'see also', 'more on this', 'more from', 'recommended', 'continue reading', 'sign up', 'subscribe',
    'follow us', 'share this', 'get our newsletter', 'click here', 'advertisement', 'never miss', 'to view the full story', 'download (?:the|our) .{0,30}apps?',
    'we want to hear what you think',
    // German, French, Spanish, Italian, Polish: "Lesen Sie auch: …", "À lire aussi", "Lee también", "Czytaj także"
    'lesen sie (?:auch|mehr|hier)', 'auch lesen', 'weiterlesen', 'mehr zum thema', 'siehe auch', 'anzeige', 'werbung', 'hier können sie', 'jetzt (?:abonnieren|anmelden)',
    'diese website verwendet', 'wir respektieren', 'à lire aussi', 'lire aussi', 'pour lire la suite', 'abonnez-vous', 'lee también', 'leer más', 'te puede interesar',
    'suscríbete', 'leggi anche', 'czytaj (?:także|też|również)', 'zobacz (?:także|też)', 'zapraszamy',
  ].join('|')})(?=$|[^\\p{L}\\p{N}])`,
  'iu',
);
/**
 * Lines about the page rather than the story: its category, tags, sources, when and where it was posted.
 * Short, and they start with their label.
 */
const META_LINE = new RegExp(
  // Labels count only with their colon ("Sources: …", never "Sources close to the club said …");
  // the longer phrases are never how a story sentence starts.
  `^(?:(?:${[
    'categor(?:y|ies)', 'kategorien?', 'tags', 'schlagworte', 'schlagwörter', 'source', 'sources', 'quelle', 'quellen', 'źródło', 'fuente', 'aktualisiert', 'updated',
    // When it was published, labelled: "Published: 03.04.2020, 12:35", "News date : 04/21/2022".
    '(?:news |publication )?date', 'datum', 'fecha', 'data publikacji', 'published', 'publiziert', 'veröffentlicht', 'publié', 'publicado', 'pubblicato', 'opublikowano',
  ].join('|')})\\s*(?::|$)|(?:${[
    'filed under', 'posted (?:in|on|by) ', 'this entry was posted', 'der beitrag wurde am', 'erstellt am', 'veröffentlicht am', 'aktualisiert am', 'zuletzt aktualisiert',
    'publié le', 'mis à jour le', 'publicado el', 'actualizado el',
  ].join('|')}))`,
  'iu',
);
const MAX_META_CHARS = 160;
/** Image credits: "Photo: Ana Ruiz/Harbor Gazette", "(Photo by …)", "Image credit: …", "Credit: …". */
const CREDIT_LINE =
  /^\(?(?:(?:photo|photograph|image|picture|illustration|credit|photo credit|image credit|graphic|foto|bild|fotografía|crédito|crédit photo|zdjęcie|(?:abbildung|abb\.|figure|fig\.) \d+)s?(?:\s+by\s+|\s*[:/]\s*)|(?:beitragsbild|titelbild)(?:$|\s*:))/iu;
/** A photo agency credit set in capitals: "AFP / MARCO BERTORELLO", "REUTERS/Ana Ruiz" starts so too. */
const AGENCY_CREDIT = /^[\p{Lu}\d .&'-]{2,30}(?:\s*[/|]\s*[\p{L}\d .&'-]{2,40})+$/u;
const MAX_CREDIT_CHARS = 120;
/** An author bio: a trailing short paragraph that starts with the author's name and says what they do. */
const BIO_VERB = /^\s*(?:is|was|covers|writes|reports|has been|joined)\b/i;
const MAX_BIO_CHARS = 400;
/** Only the end of the body is searched for bios. */
const MAX_TRAILING_BLOCKS = 3;

/** At the top, a bare <time> (not in a paragraph) is a dateline block of its own too. */
const LEADING_TAGS = new Set([...BLOCK_TAGS, 'time']);

/**
 * A date must look like one before Date.parse is asked: V8's parser also accepts strings such as
 * "Test Case 1". ISO dates, numeric dates, or a month name.
 */
const DATE_SHAPE = /\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

function isDateline(text: string): boolean {
  if (text.length > MAX_DATELINE_CHARS || !/\d/.test(text) || !DATE_SHAPE.test(text)) return false;
  return !Number.isNaN(Date.parse(text.replace(DATELINE_PREFIX, '')));
}

/** A section label over a headline: a word or three, no sentence. */
const MAX_KICKER_CHARS = 30;
const MAX_KICKER_WORDS = 3;
const isKicker = (text: string): boolean =>
  text.length > 0 && text.length <= MAX_KICKER_CHARS && text.split(' ').length <= MAX_KICKER_WORDS && !/[.!?:]$/.test(text);

const isBylineLine = (text: string): boolean => BYLINE_LINE.test(text) && text.length <= MAX_BYLINE_CHARS && !/[.!?]$/.test(text);

/** A promo line that ends like a sentence must be this short to count ("Sign up for our newsletter."). */
const MAX_SENTENCE_PROMO_CHARS = 80;
const SENTENCE_END = /[.!?]["”’]?$/;

/**
 * Site notices no story sentence starts with; removed even as a full sentence: comment-form privacy
 * notes, paywall and app prompts, requests for letters.
 */
const SITE_NOTICE = new RegExp(
  `^[¿¡]?(?:${[
    'diese website verwendet akismet', 'this site uses akismet', 'wir respektieren deine privatsphäre', 'we want to hear what you think', 'to view the full story',
    'for the latest (?:stories|news|updates)', 'heute empfehlen wir', 'wir empfehlen (?:ihnen|dir)', 'kennt ihr schon unseren',
    'zapraszamy (?:też |również |także )?do (?:subskrypcji|lektury|obserwowania)',
    // Paywall prompts printed as paragraphs of the story.
    "if you(?:'|’)re (?:seeing this message but you(?:'|’)re )?already a subscriber", 'already a subscriber\\?', 'first-time subscribers', 'to continue reading',
    'subscribe (?:now )?to (?:continue|keep) reading', 'sie sind bereits abonnent', 'bereits abonnent', 'um (?:den artikel |diesen artikel )?weiterzulesen',
    'vous êtes déjà abonné', 'déjà abonné', 'ya eres suscriptor', 'para seguir leyendo', 'sei già abbonato', 'per continuare a leggere', 'masz już (?:subskrypcję|prenumeratę)',
  ].join('|')})`,
  'iu',
);
const MAX_NOTICE_CHARS = 250;
const HEADING = /^h[1-6]$/i;
/**
 * A heading that ends the body is dropped when it reads as a section's name: this short at most and no
 * sentence. A longer heading, or one ending like a sentence ("… and their visitors."), is text set large.
 */
const MAX_TRAILING_HEADING_CHARS = 80;

/** A promo line: a promo phrase, short, and not a sentence unless a very short one (`linked`: mostly link text, e.g. "À lire aussi » <a>Headline?</a>"). */
export const isPromoLine = (text: string, linked = false): boolean =>
  (text.length <= MAX_PROMO_CHARS && PROMO_LINE.test(text) && (linked || !SENTENCE_END.test(text) || text.length <= MAX_SENTENCE_PROMO_CHARS)) ||
  (text.length <= MAX_NOTICE_CHARS && SITE_NOTICE.test(text));
export const isCreditLine = (text: string): boolean => text.length <= MAX_CREDIT_CHARS && (CREDIT_LINE.test(text) || AGENCY_CREDIT.test(text));
export const isMetaLine = (text: string): boolean => text.length <= MAX_META_CHARS && META_LINE.test(text);

/** True when `text` is a bio of one of `names`: "Ana Ruiz is the Gazette's courts reporter." */
export function isAuthorBio(text: string, names: readonly string[]): boolean {
  if (text.length > MAX_BIO_CHARS) return false;
  return names.some((name) => name && text.startsWith(name) && BIO_VERB.test(text.slice(name.length)));
}

/**
 * The site's own small print: a copyright line ("© 2020 Kestrel Mills", "Copyright 2026 …", "All rights
 * reserved") and the error messages a PHP site prints into its page ("Warning: … on line 407").
 */
const COPYRIGHT_LINE = new RegExp(
  `(?:^(?:©|\\(c\\)\\s*\\d{4}|copyright\\s+(?:©|\\(c\\)|\\d{4}))|${[
    'all rights reserved', 'alle rechte vorbehalten', 'tous droits réservés', 'todos los derechos reservados', 'tutti i diritti riservati', 'wszelkie prawa zastrzeżone',
  ].join('|')})`,
  'iu',
);
const MAX_COPYRIGHT_CHARS = 200;
const PHP_MESSAGE = /^(?:warning|notice|deprecated|fatal error|parse error|strict standards): .+ on line \d+$/i;
/** A numbered figure's caption ("Abbildung 4: klassische Schwachschicht. Der Unterschied …"): longer than a credit, never story text. */
const FIGURE_CAPTION = /^(?:abbildung|abb\.|figure|fig\.|bild|grafik|grafika|rysunek|ilustración|illustration)\s*\d+\s*[:.–-]\s/iu;
const MAX_FIGURE_CAPTION_CHARS = 300;
export const isSmallPrint = (text: string): boolean =>
  (text.length <= MAX_COPYRIGHT_CHARS && COPYRIGHT_LINE.test(text)) || PHP_MESSAGE.test(text) || (text.length <= MAX_FIGURE_CAPTION_CHARS && FIGURE_CAPTION.test(text));

/** True when `text` is a line the cleanup drops wherever it stands: promo, credit, page meta, small print, byline or date. */
export const isBoilerplateLine = (text: string): boolean =>
  isPromoLine(text) || isCreditLine(text) || isMetaLine(text) || isSmallPrint(text) || isBylineLine(text) || isDateline(text);

/** Cleans the extracted body in place; returns names from a dropped "By …" line. */
export function cleanBody(root: DomElement, title: string, knownAuthors: readonly string[]): string[] {
  const titleKey = comparableText(title);
  let byline: string[] = [];
  const blocks = leafBlocks(root, LEADING_TAGS);
  // Kicker lines ("Local", "Health | Opinion") wait here until a headline, byline or dateline after them shows they were the story's header.
  const kickers: DomElement[] = [];
  const header = (block: DomElement): void => {
    for (const kicker of kickers.splice(0)) removeWithEmptyParents(kicker, root);
    removeWithEmptyParents(block, root);
  };
  for (const block of blocks.slice(0, MAX_LEADING_BLOCKS)) {
    const text = normalizeSpace(block.textContent ?? '');
    // A bare <time> at the top is a dateline whatever it says ("Wednesday morning", "2 hours ago").
    if (block.localName.toLowerCase() === 'time' || (titleKey && comparableText(text) === titleKey)) header(block);
    else if (isBylineLine(text)) {
      byline = parseByline(text);
      header(block);
    } else if (isDateline(text)) header(block);
    else if (isKicker(text) && !isCreditLine(text)) kickers.push(block);
    else break;
  }
  const authors = [...knownAuthors, ...byline];
  const remaining = leafBlocks(root);
  remaining.forEach((block, index) => {
    const text = normalizeSpace(block.textContent ?? '');
    const trailing = index >= remaining.length - MAX_TRAILING_BLOCKS;
    // A heading that starts like a promo ("More from the hearing") is judged by what follows it, in recirculation.ts.
    const promo = HEADING.test(block.localName) ? isPromoLine(text, true) && isLinkDense(block) : isPromoLine(text) || (isPromoLine(text, true) && isLinkDense(block));
    if (promo || isCreditLine(text) || isMetaLine(text) || isSmallPrint(text) || (trailing && (isAuthorBio(text, authors) || isDateline(text)))) removeWithEmptyParents(block, root);
  });
  // The same lines written loose beside the blocks, with no element of their own.
  for (const line of looseLines(root)) {
    if (isPromoLine(line.text) || isCreditLine(line.text) || isMetaLine(line.text) || isSmallPrint(line.text)) for (const node of line.nodes) node.remove();
  }
  removeTrailingHeadings(root);
  return byline;
}

/**
 * Headings that end the body head nothing: what they named (a list of other stories, a comment form, a
 * gallery) was removed, by Readability or by the passes above, or was never text. Whatever language
 * they are written in ("Ähnliche Beiträge", "Lo más leído"), they are not the story's.
 */
function removeTrailingHeadings(root: DomElement): void {
  const blocks = leafBlocks(root);
  let last = blocks.length - 1;
  while (last >= 0 && isTrailingHeading(blocks[last]!)) last--;
  // A body of headings only (a poster, a page set in headings) keeps them all.
  if (last < 0 || HEADING.test(blocks[last]!.localName)) return;
  for (let i = blocks.length - 1; i > last; i--) removeWithEmptyParents(blocks[i]!, root);
}

function isTrailingHeading(block: DomElement): boolean {
  if (!HEADING.test(block.localName)) return false;
  const text = normalizeSpace(block.textContent ?? '');
  return text.length <= MAX_TRAILING_HEADING_CHARS && !SENTENCE_END.test(text);
}
