// Titles without a name beside them: "the former mayor had accepted 265,000 crowns" describes someone the
// sentence stating the fact names ("Mr. Lodal", a former deputy mayor), and "Talmor's ambassador" someone
// the source calls Reswa's. A description must fit one of the people the evidence names, by the titles the
// source gives them; and "who chairs the finance committee" must be what the source says the person chairs.
import type { AuditFinding } from '../model.js';
import { ROLE_WORDS } from '../text/entities.js';
import { wordTokens } from '../text/words.js';
import { peopleIn, wordKeys, type PreparedSource } from './align.js';
import { sourceTitles, titleIn, titleMismatch } from './roles.js';

/**
 * A role word after a determiner or a possessive, up to three words between, with no name after it
 * ("the former mayor", "Talmor's ambassador"); with a name after it, it is that name's title.
 */
const DESCRIPTION_RE = new RegExp(
  String.raw`(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|\b\p{Lu}[\p{L}’'-]*[’']s)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:${[...ROLE_WORDS].filter((w) => !w.endsWith('.')).join('|')})\b(?!\s*,?\s*(?:\p{Lu}\p{Ll}|Mr|Ms|Mrs|Dr))`,
  'gu',
);

/** Descriptions too general to single anyone out. */
const GENERIC_DESCRIPTIONS: ReadonlySet<string> = new Set(['official', 'member', 'members', 'leader', 'head', 'resident', 'student', 'worker', 'driver', 'owner']);

/** Verbs by which a relative clause gives a person's office: "who chairs the finance committee". */
const RELATIVE_TITLE_RE = /^,\s+who\s+(chairs|heads|leads|runs|directs|manages|owns|founded|represents|coaches|edits|chaired|headed|led|ran)\s+([^,.;:]{2,60}?)(?=\s+(?:but|and|while|since)\b|[,.;:]|$)/;

export function checkDescriptions(text: string, evidence: readonly number[], source: PreparedSource, findings: AuditFinding[]): void {
  if (text.includes(', who ')) checkRelativeTitles(text, source, findings);
  if (findings.some((f) => f.kind === 'role')) return;
  // Most sentences hold no office word without a name after it: the description pattern is not run on them.
  const tokens = wordTokens(text);
  if (!tokens.some((w, i) => ROLE_WORDS.has(w.toLowerCase()) && !/^\p{Lu}/u.test(tokens[i + 1] ?? ''))) return;
  DESCRIPTION_RE.lastIndex = 0;
  for (let m = DESCRIPTION_RE.exec(text); m; m = DESCRIPTION_RE.exec(text)) {
    const title = titleIn(m[0].replace(/^(?:the|a|an|its|their|his|her)\s+/i, ''), 'before');
    if (!title || title.roles.every((w) => GENERIC_DESCRIPTIONS.has(w))) continue;
    // The people the sentences stating the claim name: the description is one of them.
    const candidates = [...new Set(evidence.flatMap((i) => source.people.mentions[i]!.people.map((p) => p.key)))];
    const titled = candidates.map((key) => ({ key, titles: sourceTitles(source, key) })).filter((c) => c.titles.length > 0);
    if (titled.length === 0 || titled.some((c) => !titleMismatch(title, c.titles))) continue;
    // Only a person whose title shares an office word can be who the description means.
    const meant = titled.find((c) => c.titles.some((t) => t.roles.some((w) => title.roles.includes(w) && !GENERIC_DESCRIPTIONS.has(w))));
    if (!meant) continue;
    const name = source.people.people.get(meant.key)?.name ?? meant.key;
    findings.push({ kind: 'role', detail: `the summary calls ${name} “${m[0]}”; the source calls ${name} “${meant.titles[0]!.text}”` });
    return;
  }
}

/** "Mayor Jorunn Teig, who chairs the finance committee": the object must be what the source says the person chairs. */
function checkRelativeTitles(text: string, source: PreparedSource, findings: AuditFinding[]): void {
  for (const m of peopleIn(text, source)) {
    const claim = RELATIVE_TITLE_RE.exec(text.slice(m.end));
    if (!claim) continue;
    const known = relativeTitles(source, m.key).filter((r) => r.verb === claim[1]);
    if (known.length === 0) continue;
    const keys = wordKeys(claim[2]!, source.language);
    if (known.some((r) => keys.every((k) => r.keys.has(k)))) continue;
    const name = source.people.people.get(m.key)?.name ?? m.name;
    findings.push({ kind: 'role', detail: `the summary says ${name} ${claim[1]} “${claim[2]}”; the source says ${name} ${claim[1]} “${known[0]!.object}”` });
    return;
  }
}

interface RelativeTitle {
  verb: string;
  object: string;
  keys: Set<string>;
}

const relativeCache = new WeakMap<PreparedSource, Map<string, RelativeTitle[]>>();

function relativeTitles(source: PreparedSource, key: string): RelativeTitle[] {
  let byKey = relativeCache.get(source);
  if (!byKey) relativeCache.set(source, (byKey = new Map()));
  let out = byKey.get(key);
  if (!out) {
    out = [];
    for (const { narrator, people } of source.people.mentions) {
      for (const p of people) {
        if (p.key !== key) continue;
        const r = RELATIVE_TITLE_RE.exec(narrator.slice(p.end));
        if (r) out.push({ verb: r[1]!, object: r[2]!, keys: new Set(wordKeys(r[2]!, source.language)) });
      }
    }
    byKey.set(key, out);
  }
  return out;
}

