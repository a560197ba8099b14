// Who said or did it: the people a summary sentence credits (its speakers, else its subject) must be the
// people the source credits with the same words. Each person is held only to their own clause ("Arnfinn
// called the cuts painful, and the fund has agreed …" credits her with the first clause only), and each
// coordinated predicate of theirs ("praised … and noted …") is checked on its own.
import type { AuditFinding } from '../model.js';
import type { SentenceActors } from '../text/speakers.js';
import { align, claimKeys, coverageBy, peopleIn, SUPPORT_COVERAGE, wordKeys, type Alignment, type PreparedSource } from './align.js';
import { groupSubject, namesGroup, singleSpeaker } from './quantifiers.js';
import { titleOf } from './roles.js';
import { english, type LanguageProfile } from '../text/languages/index.js';
import { escapeRegExp, perLanguage } from '../text/languages/patterns.js';

export interface Attribution {
  misattributed: boolean;
  /** The claim aligned to the sentences its one credited person could have said, when that backs it. */
  own?: Alignment;
}

/** The people a sentence makes the source of its claim: the speakers when it has any, else its subject. */
export function claimSources(actors: SentenceActors): string[] {
  return actors.speakers.length > 0 ? actors.speakers : actors.actors;
}

/**
 * Checks who the claim credits against who the source credits, adding `speaker` and
 * `overgeneralization` findings. `full` is the claim's alignment with every source sentence.
 */
export function checkAttribution(text: string, actors: SentenceActors, source: PreparedSource, full: Alignment, findings: AuditFinding[]): Attribution {
  const name = (key: string) => source.people.people.get(key)?.name ?? key;
  const sourcesOf = (i: number) => claimSources(source.people.sentences[i]!);
  const ownOrNobody = (person: string) => (i: number) => sourcesOf(i).length === 0 || sourcesOf(i).includes(person);
  if (full.coverage < SUPPORT_COVERAGE) return { misattributed: false };

  const claimed = claimSources(actors);
  /** "sentence 4" or "sentences 4 and 7": the evidence sentences that credit these people. */
  const sentencesCrediting = (evidence: readonly number[], people: readonly string[]) => {
    const at = evidence.filter((i) => sourcesOf(i).some((k) => people.includes(k))).sort((a, b) => a - b);
    return at.length === 1 ? `sentence ${at[0]! + 1}` : `sentences ${at.map((i) => i + 1).join(' and ')}`;
  };
  let ownAlignment: Alignment | undefined;
  // Who-did-what compares what was said, so the credited people's names and titles are left out:
  // otherwise "Road commissioner Elena Vasquez said…" would match Ms. Vasquez's own sentences by her name.
  // Read only when the sentence credits someone: most credit nobody, or a group the check below reads itself.
  const content = () => {
    const keys = wordKeys(withoutPeople(text, source), source.language);
    return { contentKeys: keys, contentFull: align(keys, source) };
  };
  if (actors.collective || claimed.length >= 2) {
    const { contentFull } = content();
    const saidBy = new Set(contentFull.evidence.flatMap(sourcesOf));
    const missing = claimed.filter((k) => !saidBy.has(k));
    if ((actors.collective && saidBy.size === 1) || (claimed.length >= 2 && missing.length > 0 && saidBy.size > 0)) {
      findings.push({
        kind: 'overgeneralization',
        detail: `the summary credits ${actors.collective ? 'several people' : claimed.map(name).join(' and ')}; in the source only ${[...saidBy].map(name).join(' and ')} said or did this (${sentencesCrediting(contentFull.evidence, [...saidBy])})`,
      });
      return { misattributed: true };
    }
  } else if (claimed.length === 1 && !(actors.speakers.length === 0 && isPassiveSubject(text, claimed[0]!, source))) {
    const person = claimed[0]!;
    const { contentKeys, contentFull } = content();
    const clause = creditedClause(text, person, source);
    const clauseKeys = clause === text ? contentKeys : wordKeys(withoutPeople(clause, source), source.language);
    const clauseFull = clause === text ? contentFull : align(clauseKeys, source);
    const own = align(clauseKeys, source, ownOrNobody(person));
    let misattributed = false;
    if (own.coverage < SUPPORT_COVERAGE && clauseFull.coverage >= SUPPORT_COVERAGE) {
      const others = [...new Set(clauseFull.evidence.flatMap(sourcesOf))].filter((k) => k !== person);
      if (others.length > 0) {
        misattributed = true;
        findings.push({ kind: 'speaker', detail: `the source credits this to ${others.map(name).join(' and ')} (${sentencesCrediting(clauseFull.evidence, others)}), not ${name(person)}` });
      }
    }
    // "Rubio praised Mexico's cooperation and noted …": each coordinated predicate is the person's
    // claim on its own, and one of them may be someone else's words.
    for (const part of misattributed ? [] : laterPredicates(clause, person, source)) {
      const partKeys = wordKeys(withoutPeople(part, source), source.language);
      const partFull = align(partKeys, source);
      if (partFull.coverage < SUPPORT_COVERAGE) continue;
      if (align(partKeys, source, ownOrNobody(person)).coverage >= SUPPORT_COVERAGE) continue;
      const others = [...new Set(partFull.evidence.flatMap(sourcesOf))].filter((k) => k !== person);
      if (others.length === 0) continue;
      misattributed = true;
      const at = partFull.evidence[0]!;
      findings.push({
        kind: 'speaker',
        detail: `“${part.trim().replace(/[.!?]+$/, '')}”: the source credits this to ${others.map(name).join(' and ')} (sentence ${at + 1}), not ${name(person)}`,
      });
      break;
    }
    if (misattributed) return { misattributed };
    if (clause === text && own.coverage >= SUPPORT_COVERAGE) ownAlignment = align(claimKeys(text, source), source, ownOrNobody(person));
  }

  // "Residents said…" where one resident, named or not, said it: the group is credited with one person's words.
  const group = groupSubject(text);
  // The group's words are what follows its verb: "The three board members who voted against said …"
  // is matched on what they said, not on the words that describe them.
  const saidIn = group ? bestSentences(wordKeys(group.said, source.language), source) : [];
  const said = saidIn[0];
  if (group && said !== undefined && !saidIn.some((i) => namesGroup(source.sentences[i]!.text, group.noun))) {
    const speakers = sourcesOf(said);
    const one = speakers.length === 1 ? name(speakers[0]!) : singleSpeaker(source.sentences[said]!.text);
    if (one) {
      findings.push({ kind: 'overgeneralization', detail: `the summary gives this to “${group.group}”; in the source only ${one} said it (sentence ${said + 1})` });
      return { misattributed: true };
    }
  }
  return ownAlignment ? { misattributed: false, own: ownAlignment } : { misattributed: false };
}

/**
 * "Sanna Hult has been named interim director", "Victor Amsel was summoned": the subject of a passive
 * verb is who it happened to, not who did it, so the claim credits them with nothing.
 */
const PASSIVE_AFTER_RE = /^(?:,[^,]{1,80},)?\s+(?:has\s+been|have\s+been|had\s+been|was|were|is|are|will\s+be|would\s+be|had|has)\s+(?:\p{Ll}+ed|\p{Ll}+en|made|held|sold|paid|told|led|left|kept|met|sent|built|brought|found|given|shown|known|seen|taken|won|lost|struck|hit|cut|set|put)\b/u;

function isPassiveSubject(text: string, person: string, source: PreparedSource): boolean {
  const mention = peopleIn(text, source).find((m) => m.key === person);
  if (!mention) return false;
  const after = text.slice(mention.end, mention.end + 120);
  const m = PASSIVE_AFTER_RE.exec(after);
  // "had" and "has" make a passive only with "been": "Ms. Dollan had planned" is her own deed.
  return m !== null && !/^(?:,[^,]{1,80},)?\s+(?:had|has)\s+(?!been)/u.test(after);
}

/** The source sentences that alone hold the most of `keys` (several when they tie). */
function bestSentences(keys: readonly string[], source: PreparedSource): number[] {
  const scored = align(keys, source).evidence.map((i) => ({ i, alone: coverageBy(keys, source, i) }));
  const top = Math.max(0, ...scored.map((s) => s.alone));
  return scored.filter((s) => s.alone > 0 && s.alone >= top - 1e-9).map((s) => s.i);
}

/** An honorific right before a name, per language: "Mr. ", "Frau ", "M. ", "Sig.ra ". */
const honorificEndFor = perLanguage((language: LanguageProfile): RegExp =>
  language === english
    ? /(?:(?:Mr|Mrs|Ms|Dr|Mx)\.\s*)$/
    : new RegExp(`(?:(?:${[...language.speech.honorifics.keys()].map(escapeRegExp).join('|')})\\s*)$`),
);

/** The text with people's names, the honorifics before them and the titles beside them blanked out. */
export function withoutPeople(text: string, source: PreparedSource): string {
  let out = text;
  for (const m of [...peopleIn(text, source)].reverse()) {
    const title = titleOf(text, m);
    let start = m.start;
    let end = m.end;
    if (title?.side === 'before') {
      const at = text.lastIndexOf(title.text, m.start);
      if (at >= 0) start = at;
    } else if (title?.side === 'after') {
      const at = text.indexOf(title.text, m.end);
      if (at >= 0 && at - m.end <= 3) end = at + title.text.length;
    }
    const before = out.slice(0, start).replace(honorificEndFor(source.language), '');
    out = `${before} ${out.slice(end)}`;
  }
  return out;
}

/**
 * A second predicate coordinated with the first under the same subject: "and noted…", "and urged…".
 * Past-tense verbs (regular, or the irregular ones news copy uses for speech and action) open one.
 */
const LATER_PREDICATE_RE =
  /\s(?:and|but)\s+(?:also\s+)?(?=(?:\p{Ll}+ed|said|told|met|led|made|took|gave|spoke|wrote|sought|held|won|lost|left|saw|kept|paid|thought|brought|found|vowed)\b)/gu;

/** The coordinated predicates after the first, when the person is named before them (their subject). */
function laterPredicates(text: string, person: string, source: PreparedSource): string[] {
  const mention = peopleIn(text, source).find((m) => m.key === person);
  if (!mention) return [];
  const starts: number[] = [];
  LATER_PREDICATE_RE.lastIndex = 0;
  for (let m = LATER_PREDICATE_RE.exec(text); m; m = LATER_PREDICATE_RE.exec(text)) if (m.index > mention.end) starts.push(m.index + m[0].length);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).split(/,\s*(?:which|who|while)\b/)[0]!);
}

/** Where a later clause starts (", which", ", who", "; ", ", while"…) before the person's first mention. */
const CLAUSE_BREAK_RE = /(?:,\s*(?:which|who|whom|and|while|as|but|whereas|after)\b|;)/g;

/**
 * Where a clause with a subject of its own starts after the person's mention: a conjunction followed by
 * a name or a noun phrase and its verb ("…, and the fund has agreed", "because previous leader Mathis
 * Dorge had crashed"), or a semicolon.
 */
const NEW_SUBJECT_RE =
  /;|(?:,\s*|\s)(?:and|but|while|whereas|because|although|though|so|after|before|when|since|as|until)\s+(?=\p{Lu}\p{Ll}|(?:the|a|an|his|her|its|their|this|that|these|those)\s+(?:[\p{L}’'-]+\s+){0,4}(?:had|has|have|was|were|is|are|will|would|could|may|might|can|\p{Ll}+ed)\b|(?!(?:also|then|later|still|again|even|just|further|quickly|immediately|has|had|have|was|were|is|are|will|would)\b)(?:[\p{L}’'-]+\s+){1,4}(?:had|has|have|was|were|is|are|will|would|could|may|might|can)\b)/gu;

/** The part of the claim that credits `person`: from the start of their clause to where another subject's starts. */
function creditedClause(text: string, person: string, source: PreparedSource): string {
  const mention = peopleIn(text, source).find((m) => m.key === person);
  if (!mention) return text;
  let start = 0;
  CLAUSE_BREAK_RE.lastIndex = 0;
  for (let m = CLAUSE_BREAK_RE.exec(text); m && m.index < mention.start; m = CLAUSE_BREAK_RE.exec(text)) start = m.index + m[0].length;
  let end = text.length;
  NEW_SUBJECT_RE.lastIndex = mention.end;
  const next = NEW_SUBJECT_RE.exec(text);
  if (next) end = next.index;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
