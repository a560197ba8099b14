// Promoted, sponsored and recirculation blocks ("Promoted stories", "Sponsored", "Recommended for you",
// "More from …", "Auch interessant", "À lire aussi"): lists of other pages' headlines that a site puts
// in or after its story. Those with a telling class or id (outbrain, taboola, promoted, …) are tagged
// by boilerplate.ts; this finds the rest in Readability's result by their text and structure: a short
// heading-like line that names itself as such, followed by links, or closing the body.
import { leafBlocks, looseLines, removeWithEmptyParents } from './blocks.js';
import { ELEMENT_NODE, TEXT_NODE, tagName, walk, type DomElement, type DomNode } from './dom.js';
import { normalizeSpace } from './html-text.js';

/**
 * What such a block calls itself, as its whole heading (a trailing colon, dash or ellipsis aside),
 * in the languages the pages we read are written in. Matched lowercased.
 */
const RECIRCULATION_HEADINGS = [
  // English
  'promoted( stories| content| links| posts)?', 'sponsored( stories| content| links| posts| articles)?', 'paid (content|post|partner content)',
  'partner content', '(content )?from (our|the web|around the web) partners?', 'around the web', 'from around the web',
  'recommended( for you| stories| articles| reading| videos)?', 'more from .{1,40}', 'more (stories|news|articles|to read|like this)',
  'read (next|more|this next)', 'up next', 'what to read next', 'you (may|might) (also )?(like|enjoy|be interested in)', 'also read',
  'see also', 'related( articles| stories| posts| coverage| content| news| reading| links| topics)?', 'most (read|viewed|popular|shared|emailed)',
  'trending( now| stories)?', 'popular( now| posts| stories| articles)?', "don'?t miss", 'top stories', 'latest (news|stories|posts|articles)',
  'further reading', 'more on this (story|topic)', 'editor\'?s picks', 'in case you missed it', 'about the author',
  // German
  'anzeige', 'werbung', 'auch interessant', '(das )?(thema )?könnte (sie|dich) (auch )?interessieren', 'empfohlene (beiträge|artikel)',
  'empfehlungen( der redaktion)?', 'beiträge zum thema', 'mehr zum thema( .{1,30})?', 'weitere (artikel|beiträge|nachrichten|themen|meldungen)( zum thema)?',
  'ähnliche (beiträge|artikel)', 'verwandte (beiträge|artikel)', 'auch lesen', 'lesen sie (auch|mehr)', 'noch mehr .{1,30}', 'meistgelesen(e artikel)?',
  'passend (dazu|zum thema)', '(mehr )?(artikel|beiträge|videos|bilder|news|nachrichten)( und (artikel|beiträge|videos|bilder))? zum thema', 'über (den|die) autor(in)?', 'zum autor', 'heute empfehlen wir', 'mehr aus .{1,40}', 'top-?themen', 'das (interessiert|könnte) .{1,30}', 'neueste (beiträge|artikel)',
  // French, Spanish, Italian, Dutch, Polish
  'à propos de l\'auteur', 'sobre el autor', 'o autorze', 'à lire aussi', 'lire aussi', 'sur le même (sujet|thème)', 'vous aimerez (aussi|également)', 'les plus lus', 'à voir aussi', 'nos articles',
  '(también )?te puede interesar', 'noticias relacionadas', 'lo más leído', 'más noticias', 'artículos relacionados', 'te recomendamos',
  'potrebbe interessarti', 'leggi anche', 'articoli correlati', 'lees ook', 'meer nieuws', 'czytaj (także|też|również)', 'zobacz (także|też)', 'polecamy',
];
const RECIRCULATION_HEADING = new RegExp(`^(?:${RECIRCULATION_HEADINGS.join('|')})$`, 'u');
/** Punctuation a heading may end with: "Read next:", "More from the Crier →", "Anzeige -". */
const HEADING_DECORATION = /^[\s\-–—:»>|•]+|[\s\-–—:»>|•…→.!]+$/gu;
/** A heading is short; "More from our correspondents in the field who …" is a sentence. */
const MAX_HEADING_CHARS = 60;
/** Longer raw text (before whitespace is collapsed) is never read as a heading: saves normalizing every paragraph. */
const MAX_RAW_HEADING_CHARS = 400;

/**
 * After a self-named heading, the rest of the body is taken for the block when it is at most this
 * long and at most this share of the body: recirculation closes a story, it does not hold half of it.
 */
const MAX_TAIL_CHARS = 1500;
const MAX_TAIL_SHARE = 0.35;
/** Elsewhere, only the link-dense container of the heading (or its link-dense siblings) goes. */
const MIN_LINK_DENSITY = 0.5;
const MAX_BLOCK_CHARS = 1500;

export const isRecirculationHeading = (text: string): boolean => {
  if (text.length > MAX_HEADING_CHARS) return false;
  const name = text.replace(HEADING_DECORATION, '').toLowerCase();
  return name.length > 0 && RECIRCULATION_HEADING.test(name);
};

/** Labels that mark what follows as an advertisement, whatever follows. */
const AD_LABEL = /^(?:anzeige|werbung|advertisement|sponsored|publicidad|publicité|pubblicità|reklama)$/iu;

/** The advertisement after a label is one short block: a pitch, not the story going on. */
const MAX_AD_CHARS = 300;

/** The next element sibling of `node`, if any. */
function nextElement(node: DomNode): DomElement | null {
  let next = node.nextSibling;
  while (next && next.nodeType !== ELEMENT_NODE) next = next.nextSibling;
  return next as DomElement | null;
}

/** Whether `node` is still below `root`: blocks inside a removed container keep their parents. */
function insideRoot(node: DomElement, root: DomElement): boolean {
  let parent = node.parentNode;
  while (parent && parent !== root) parent = parent.parentNode;
  return parent === root;
}

/** Characters of text in `element`, and how many of them are inside links. */
function linkShare(element: DomNode): { chars: number; linked: number } {
  let chars = 0;
  let linked = 0;
  let inLink = 0;
  walk(
    element,
    (node) => {
      if (node.nodeType === TEXT_NODE) {
        const length = normalizeSpace(node.textContent ?? '').length;
        chars += length;
        if (inLink > 0) linked += length;
      } else if (node.nodeType === ELEMENT_NODE && tagName(node as DomElement) === 'a') inLink++;
    },
    (left) => {
      if (tagName(left) === 'a') inLink--;
    },
  );
  return { chars, linked };
}

export const isLinkDense = (node: DomNode): boolean => {
  const { chars, linked } = linkShare(node);
  return chars > 0 && chars <= MAX_BLOCK_CHARS && linked / chars >= MIN_LINK_DENSITY;
};

/** Removes `block` and everything after it in document order below `root`. */
function cutFrom(block: DomElement, root: DomElement): void {
  for (let node: DomElement = block; node !== root && node.parentNode; node = node.parentNode) {
    while (node.nextSibling) node.nextSibling.remove();
  }
  removeWithEmptyParents(block, root);
}

/** Removes the recirculation blocks from `root` (Readability's result) in place; returns how many. */
export function removeRecirculation(root: DomElement): number {
  return removeNamedLists(root) + removeNamedBlocks(root);
}

/**
 * A list that names itself in a line of loose text of its own ("<ul><span>Related articles</span><li>…"):
 * the line is no block of its own, so it is read apart; its container goes when it is made of links.
 */
function removeNamedLists(root: DomElement): number {
  let removed = 0;
  for (const line of looseLines(root)) {
    const container = line.nodes[0]?.parentNode;
    if (!container || container === root || line.text.length > MAX_HEADING_CHARS || !isRecirculationHeading(line.text)) continue;
    if (!insideRoot(container, root) || !isLinkDense(container)) continue;
    removeWithEmptyParents(container, root);
    removed++;
  }
  return removed;
}

function removeNamedBlocks(root: DomElement): number {
  const blocks = leafBlocks(root);
  // Raw lengths, whitespace and all: the tail's share of the body only needs to be about right.
  const texts = blocks.map((b) => b.textContent ?? '');
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  let removed = 0;
  let after = total;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const raw = texts[i]!;
    after -= raw.length;
    if (raw.length > MAX_RAW_HEADING_CHARS || !isRecirculationHeading(normalizeSpace(raw))) continue;
    if (!insideRoot(block, root)) continue; // in a block removed before
    const text = normalizeSpace(block.textContent ?? '').replace(HEADING_DECORATION, '');
    if (AD_LABEL.test(text)) {
      // An advertising label marks the one block after it, wherever it stands.
      const ad = nextElement(block);
      if (ad && normalizeSpace(ad.textContent ?? '').length <= MAX_AD_CHARS) ad.remove();
      removeWithEmptyParents(block, root);
      removed++;
      continue;
    }
    if (after <= MAX_TAIL_CHARS && after <= MAX_TAIL_SHARE * total) {
      cutFrom(block, root);
      return removed + 1;
    }
    // In the middle of the body: the heading's container when it is a list of links, else the heading
    // with the link lists right after it. A heading followed by prose is a subhead ("More from the hearing").
    let container: DomElement = block;
    while (container.parentNode && container.parentNode !== root && isLinkDense(container.parentNode)) container = container.parentNode;
    if (container === block) {
      const lists: DomNode[] = [];
      for (let next = block.nextSibling; next && (next.nodeType !== ELEMENT_NODE || isLinkDense(next)); next = next.nextSibling) lists.push(next);
      if (!lists.some((n) => n.nodeType === ELEMENT_NODE)) continue;
      for (const node of lists) node.remove();
    }
    removeWithEmptyParents(container, root);
    removed++;
  }
  return removed;
}
