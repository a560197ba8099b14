// Mute and boost rules: which articles a rule matches, and how it is named in explanations. The rank stage
// moves muted articles below every article not muted and gives boosted ones the `boost` component; the
// config, the CLI and the editor read rules through readRule, so a rule means the same wherever it was made.
import { RULE_ACTIONS, RULE_FIELDS, type Article, type Rule, type RuleAction, type RuleField } from '../model.js';
import { stripControls } from '../text/control.js';
import { stem, tokenize } from '../text/words.js';
import type { RankableArticle } from './components.js';

/** Longest rule value kept: a name or a phrase, not a paragraph to match against every article. */
export const MAX_RULE_VALUE_LENGTH = 200;

/** What a story id looks like (the cluster stage makes `s-` and hex); anything else cannot name a story. */
const STORY_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** A rule checked and tidied (whitespace collapsed, publisher slugs in lower case), or what is wrong with it. */
export function readRule(input: { action: unknown; field: unknown; value: unknown; note?: unknown }): Rule | string {
  const { action, field, value, note } = input;
  if (typeof action !== 'string' || !(RULE_ACTIONS as readonly string[]).includes(action)) {
    return `the action must be ${RULE_ACTIONS.join(' or ')}${typeof action === 'string' ? ` (got "${action}")` : ''}`;
  }
  if (typeof field !== 'string' || !(RULE_FIELDS as readonly string[]).includes(field)) {
    // "Topic" is how people say it: here a topic is a keyword phrase, or a story the desk follows.
    const hint = field === 'topic' ? ': for a topic, use keyword with its words, or story with its id' : '';
    return `a rule matches ${RULE_FIELDS.join(', ')}${typeof field === 'string' ? ` (got "${field}"${hint})` : ''}`;
  }
  // Control characters and terminal escapes go first: a rule's value is shown in tables, pages and feeds.
  const tidy = typeof value === 'string' ? stripControls(value).trim().replace(/\s+/g, ' ') : '';
  if (tidy === '') return `give the ${field} to ${action}`;
  if (tidy.length > MAX_RULE_VALUE_LENGTH) return `the ${field} is longer than ${MAX_RULE_VALUE_LENGTH} characters`;
  if ((field === 'keyword' || field === 'author') && tokenize(tidy).length === 0) return `the ${field} "${tidy}" has no word to match`;
  if (field === 'story' && !STORY_ID.test(tidy)) return `"${tidy}" is not a story id (as "newsdesk list" prints them, e.g. s-3b8a9c45fb35)`;
  if (note !== undefined && typeof note !== 'string') return 'the note must be text';
  const text = typeof note === 'string' ? stripControls(note).trim() : '';
  return {
    action: action as RuleAction,
    field: field as RuleField,
    value: field === 'publisher' ? tidy.toLowerCase() : tidy,
    ...(text ? { note: text } : {}),
  };
}

/** "mute publisher islandwire", "boost keyword "dam repairs"". */
export function describeRule(rule: Pick<Rule, 'action' | 'field' | 'value'>): string {
  return `${rule.action} ${matchText(rule)}`;
}

/** Where a rule comes from, as explanations name it: "rule 3" (the store's) or "config". */
export function ruleOrigin(rule: Pick<Rule, 'id'>): string {
  return rule.id === undefined ? 'config' : `rule ${rule.id}`;
}

/** True when two rules match the same thing (whatever they do): one value, case aside. */
export function sameMatch(a: Pick<Rule, 'field' | 'value'>, b: Pick<Rule, 'field' | 'value'>): boolean {
  return a.field === b.field && a.value.toLowerCase() === b.value.toLowerCase();
}

function matchText({ field, value }: Pick<Rule, 'field' | 'value'>): string {
  return `${field} ${/\s/.test(value) ? `"${value}"` : value}`;
}

export interface CompiledRule {
  rule: Rule;
  /** How explanations name it: `publisher islandwire (rule 3)`. */
  label: string;
  /** keyword: its stems; author: its words (lower case); otherwise the value in lower case. */
  words: string[];
}

export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  return rules.map((rule) => ({
    rule,
    label: `${matchText(rule)} (${ruleOrigin(rule)})`,
    words: rule.field === 'keyword' ? tokenize(rule.value).map(stem) : rule.field === 'author' ? tokenize(rule.value) : [rule.value.toLowerCase()],
  }));
}

export interface RuleMatches {
  mutes: CompiledRule[];
  boosts: CompiledRule[];
}

/** The rules that match an article of story `storyId` ('' for none). */
export function matchRules(article: Article | RankableArticle, storyId: string, rules: readonly CompiledRule[]): RuleMatches {
  const matches: RuleMatches = { mutes: [], boosts: [] };
  if (rules.length === 0) return matches;
  let title: string[] | undefined;
  let body: string[] | undefined;
  // A whole article is searched; one as a run keeps it carries the phrases its text was found to hold.
  const inBody = (words: string[]): boolean =>
    'text' in article ? containsPhrase((body ??= tokenize(article.text).map(stem)), words) : article.bodyPhrases.includes(words.join(' '));
  for (const compiled of rules) {
    const { field } = compiled.rule;
    const hit =
      field === 'keyword'
        ? containsPhrase((title ??= tokenize(article.title).map(stem)), compiled.words) || inBody(compiled.words)
        : field === 'publisher'
          ? compiled.words[0] === article.publisher.toLowerCase() || compiled.words[0] === article.publisherName.toLowerCase()
          : field === 'author'
            ? article.byline.some((name) => containsPhrase(tokenize(name), compiled.words))
            : storyId !== '' && compiled.rule.value === storyId;
    if (hit) (compiled.rule.action === 'mute' ? matches.mutes : matches.boosts).push(compiled);
  }
  return matches;
}

/** The phrases (stems) ranking looks for in article texts: the topics' and the keyword rules'. */
export function rankPhrases(topics: Record<string, number>, rules: readonly Rule[]): string[][] {
  const keywords = compileRules(rules.filter((r) => r.field === 'keyword')).map((r) => r.words);
  return [...Object.keys(topics).map((phrase) => tokenize(phrase).map(stem)), ...keywords].filter((p) => p.length > 0);
}

/** True when `phrase` occurs in `tokens` as consecutive tokens. */
export function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
