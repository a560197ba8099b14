// The DOCTYPE of a feed: dropped, after its internal entities are expanded within caps. Old feeds
// declare a few harmless entities (`<!ENTITY copy2026 "© 2026 Tern Island Gazette">`); refusing every
// such feed loses it. What stays refused: external entities (SYSTEM/PUBLIC, the XXE form: we never read
// a file or URL a feed names), parameter entities, and anything over the caps below (billion laughs,
// quadratic blowup). Expansion is a few passes of string replacement, never a recursive walk.
import { FeedError } from './feed-common.js';

/** Declarations one DOCTYPE may hold; a harmless feed declares a handful. */
export const MAX_ENTITY_DECLARATIONS = 64;
/** Characters of one entity's replacement text, before and after expanding the references in it. */
export const MAX_ENTITY_VALUE_CHARS = 2_048;
/** Levels of entity references inside entity values (`&a;` naming `&b;` naming `&c;` is 2). */
export const MAX_ENTITY_DEPTH = 3;
/** Characters all expansions together may add to the document. */
export const MAX_EXPANDED_CHARS = 1_000_000;

const DOCTYPE_START = /<!DOCTYPE/i;
/** How far into the document a DOCTYPE may start; past the prolog, "<!DOCTYPE" is just text. */
const DOCTYPE_SEARCH_CHARS = 4096;
const COMMENT = /<!--[\s\S]*?-->/g;
/** An element's start tag: once the root element has begun, "<!DOCTYPE" is content (say, in CDATA). */
const START_TAG = /<[a-z_]/i;
const ENTITY_DECLARATION = /<!ENTITY\b/gi;
/** One internal general entity: name and quoted replacement text. */
const INTERNAL_ENTITY = /<!ENTITY\s+([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
const EXTERNAL_ENTITY = /<!ENTITY\s+(?:%\s+)?[A-Za-z_:][\w.:-]*\s+(?:SYSTEM|PUBLIC)\b/i;
const PARAMETER_ENTITY = /<!ENTITY\s+%/i;
const REFERENCE = /&([A-Za-z_:][\w.:-]*);/g;
/** Where references are not expanded: CDATA sections and comments hold any "&" as written. */
const VERBATIM = /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/;

const refuse = (why: string): FeedError => new FeedError(`feed's DOCTYPE ${why}; refused`);

/** The internal entities of a DOCTYPE's subset, their references expanded; throws FeedError past a cap. */
function declaredEntities(subset: string): Map<string, string> {
  const declarations = subset.match(ENTITY_DECLARATION)?.length ?? 0;
  if (declarations === 0) return new Map();
  if (EXTERNAL_ENTITY.test(subset)) throw refuse('declares an external entity (SYSTEM or PUBLIC: the form external-entity attacks take)');
  if (PARAMETER_ENTITY.test(subset)) throw refuse('declares a parameter entity, which feeds do not need');
  if (declarations > MAX_ENTITY_DECLARATIONS) throw refuse(`declares ${declarations} entities, more than ${MAX_ENTITY_DECLARATIONS}`);
  const internal = [...subset.matchAll(INTERNAL_ENTITY)];
  if (internal.length < declarations) throw refuse('holds an entity declaration that cannot be read');
  const raw = new Map<string, string>();
  for (const [, name, double, single] of internal) {
    const value = double ?? single ?? '';
    if (value.length > MAX_ENTITY_VALUE_CHARS) throw refuse(`declares entity "${name}" of ${value.length} characters, more than ${MAX_ENTITY_VALUE_CHARS}`);
    // XML: the first declaration of a name binds.
    if (!raw.has(name!)) raw.set(name!, value);
  }
  const expanded = new Map<string, string>();
  for (const [name, value] of raw) {
    let text = value;
    for (let depth = 0; [...text.matchAll(REFERENCE)].some((m) => raw.has(m[1]!)); depth++) {
      if (depth >= MAX_ENTITY_DEPTH) throw refuse(`nests entity references more than ${MAX_ENTITY_DEPTH} levels deep (in "${name}"), the form entity-expansion attacks take`);
      text = text.replace(REFERENCE, (reference, inner: string) => raw.get(inner) ?? reference);
      if (text.length > MAX_ENTITY_VALUE_CHARS) throw refuse(`expands entity "${name}" past ${MAX_ENTITY_VALUE_CHARS} characters, the form entity-expansion attacks take`);
    }
    expanded.set(name, text);
  }
  return expanded;
}

/** `body` with references to `entities` replaced, outside CDATA and comments; throws past MAX_EXPANDED_CHARS. */
function expandReferences(body: string, entities: ReadonlyMap<string, string>): string {
  if (entities.size === 0) return body;
  let added = 0;
  const parts = body.split(VERBATIM);
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i]!.replace(REFERENCE, (reference, name: string) => {
      const value = entities.get(name);
      if (value === undefined) return reference;
      added += value.length - reference.length;
      if (added > MAX_EXPANDED_CHARS) throw refuse(`entities would add more than ${MAX_EXPANDED_CHARS} characters to the feed (quadratic blowup)`);
      return value;
    });
  }
  return parts.join('');
}

/**
 * The document without its DOCTYPE, internal entities expanded. Linear in the prolog's length to find,
 * so an attack costs little to refuse. Throws FeedError (with the cap it broke) for what it refuses.
 */
export function stripDoctype(text: string): string {
  // Comments blanked (same length, so offsets hold): "<!DOCTYPE" written in a comment is no DOCTYPE.
  const head = text.slice(0, DOCTYPE_SEARCH_CHARS).replace(COMMENT, (comment) => ' '.repeat(comment.length));
  const match = DOCTYPE_START.exec(head);
  if (!match) return text;
  const start = match.index;
  if (START_TAG.test(head.slice(0, start))) return text;
  const bracket = text.indexOf('[', start);
  const close = text.indexOf('>', start);
  if (bracket === -1 || (close !== -1 && close < bracket)) return close === -1 ? text.slice(0, start) : text.slice(0, start) + text.slice(close + 1);
  const subsetEnd = text.indexOf(']', bracket);
  const entities = declaredEntities(text.slice(bracket, subsetEnd === -1 ? undefined : subsetEnd));
  const end = subsetEnd === -1 ? -1 : text.indexOf('>', subsetEnd);
  return end === -1 ? text.slice(0, start) : text.slice(0, start) + expandReferences(text.slice(end + 1), entities);
}
