// The desk's mute and boost rules: kept in the store beside the config's own, and, like every editorial
// decision, published at once. A rule change ranks the latest run again (under the run lock, so a run under
// way finishes first and is the one ranked), stores that ranking and re-publishes the outputs from it.
// `newsdesk rules` and the editor both change rules through here.
import type { Rule, RunResult } from './model.js';
import { compileRules, describeRule, matchRules, readRule, ruleOrigin, sameMatch, type RankSettings } from './rank/index.js';
import { rankWithMemory } from './pipeline.js';
import { deskState, publishDesk, type PublishTarget } from './desk.js';
import type { PublishedRun } from './publish/index.js';
import type { Store } from './store/index.js';

/** A rule the desk cannot take as given (bad field, unknown story, contradicts another rule): the message says why. */
export class RuleRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleRefused';
  }
}

export interface RuleChange {
  rule: Rule;
  /** False when the same rule was already kept: nothing changed. */
  changed: boolean;
  /** Articles of the latest run whose rank changed. */
  moved: number;
  published?: PublishedRun;
}

/** The config's rules, then the store's (oldest first): the order explanations list them in. */
export async function allRules(store: Pick<Store, 'listRules'>, ranking: RankSettings): Promise<Rule[]> {
  return [...ranking.rules, ...(await store.listRules())];
}

/**
 * Keeps a rule an editor gave (action, field, value, note) and publishes its effect. The same rule again is
 * no change; a rule on what another rule already matches (mute and boost of one publisher) is refused.
 */
export async function addRule(store: Store, input: Parameters<typeof readRule>[0], at: string, ranking: RankSettings, target: PublishTarget): Promise<RuleChange> {
  const rule = readRule(input);
  if (typeof rule === 'string') throw new RuleRefused(rule);
  const clash = (await allRules(store, ranking)).find((r) => sameMatch(r, rule));
  if (clash && clash.action === rule.action) return { rule: clash, changed: false, moved: 0 };
  if (clash) {
    const where = clash.id === undefined ? `the config file's ranking.${clash.action}.${clash.field}` : `rule ${clash.id}`;
    throw new RuleRefused(`${clash.field} "${clash.value}" already has a rule: ${describeRule(clash)} (${where}); remove that one first`);
  }
  if (rule.field === 'story' && (await store.storyArticleIds(rule.value)).length === 0) {
    throw new RuleRefused(`no story "${rule.value}" in the store; story ids are listed by "newsdesk list" and on the board`);
  }
  const kept = await store.addRule(rule, at);
  return { rule: kept, changed: true, ...(await rerankLatest(store, ranking, target)) };
}

/** Removes a kept rule and publishes the ranking without it; undefined when no rule has this id. */
export async function removeRule(store: Store, id: number, ranking: RankSettings, target: PublishTarget): Promise<RuleChange | undefined> {
  const removed = await store.removeRule(id);
  if (!removed) return undefined;
  return { rule: removed, changed: true, ...(await rerankLatest(store, ranking, target)) };
}

/**
 * Ranks the latest run again with the config's settings and every rule, stores that ranking and publishes
 * it. Holds the run lock: a run under way is waited for, and then it is the latest run that is ranked.
 */
export async function rerankLatest(store: Store, ranking: RankSettings, target: PublishTarget): Promise<{ moved: number; published?: PublishedRun }> {
  const lease = await store.acquireLock('run', { wait: true });
  try {
    const state = await deskState(store);
    if (!state) return { moved: 0 };
    const candidates = await rankWithMemory(store, state.run.id, state.result, ranking);
    const before = new Map(state.result.candidates.map((c) => [c.articleId, c.rank]));
    await store.saveRanking(state.run.id, candidates);
    const published = await publishDesk(store, target);
    return { moved: candidates.filter((c) => before.get(c.articleId) !== c.rank).length, ...(published ? { published } : {}) };
  } finally {
    await lease.release();
  }
}

/** How many of a run's articles each rule matches, in the order given. */
export function ruleMatchCounts(result: RunResult, rules: Rule[]): number[] {
  const compiled = compileRules(rules);
  const counts = rules.map(() => 0);
  const storyOf = new Map(result.candidates.map((c) => [c.articleId, c.storyId]));
  for (const article of result.articles) {
    const { mutes, boosts } = matchRules(article, storyOf.get(article.id) ?? '', compiled);
    for (const hit of [...mutes, ...boosts]) counts[compiled.indexOf(hit)]!++;
  }
  return counts;
}

/** A rule as `newsdesk rules --json` and the editor's API give it; `matches`: articles of the latest run. */
export function ruleJson(rule: Rule, matches?: number): Record<string, unknown> {
  return {
    id: rule.id ?? null,
    action: rule.action,
    field: rule.field,
    value: rule.value,
    note: rule.note ?? null,
    created_at: rule.createdAt ?? null,
    from: rule.id === undefined ? 'config' : 'store',
    ...(matches !== undefined ? { matches } : {}),
  };
}

/** "mute publisher islandwire (rule 3)": a rule as lists show it. */
export function ruleLine(rule: Rule): string {
  return `${describeRule(rule)} (${ruleOrigin(rule)})`;
}
