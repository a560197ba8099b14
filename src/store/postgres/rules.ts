// Editors' rules and saved searches on PostgreSQL (migration 6; SQLite's 15).
import type { Rule, SavedSearch } from '../../model.js';
import { ruleFromRow, searchFromRow, type RuleRow, type SearchRow } from '../rule-rows.js';
import type { NewRule } from '../types.js';
import type { Queryable } from './connection.js';

export async function listRules(db: Queryable): Promise<Rule[]> {
  return (await db.query<RuleRow>('SELECT * FROM rules ORDER BY id')).rows.map(ruleFromRow);
}

export async function addRule(db: Queryable, { action, field, value, note }: NewRule, at: string): Promise<Rule> {
  // One statement: the rule kept, whether this call or an earlier one inserted it.
  const { rows } = await db.query<RuleRow>(
    `WITH added AS (
       INSERT INTO rules (action, field, value, note, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING *
     )
     SELECT * FROM added UNION ALL SELECT * FROM rules WHERE action = $1 AND field = $2 AND value = $3 LIMIT 1`,
    [action, field, value, note ?? null, at],
  );
  return ruleFromRow(rows[0]!);
}

export async function removeRule(db: Queryable, id: number): Promise<Rule | undefined> {
  const { rows } = await db.query<RuleRow>('DELETE FROM rules WHERE id = $1 RETURNING *', [id]);
  return rows[0] ? ruleFromRow(rows[0]) : undefined;
}

export async function listSavedSearches(db: Queryable): Promise<SavedSearch[]> {
  return (await db.query<SearchRow>('SELECT * FROM saved_searches ORDER BY id')).rows.map(searchFromRow);
}

export async function saveSearch(db: Queryable, query: string, at: string): Promise<SavedSearch> {
  const { rows } = await db.query<SearchRow>(
    `WITH added AS (INSERT INTO saved_searches (query, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING *)
     SELECT * FROM added UNION ALL SELECT * FROM saved_searches WHERE query = $1 LIMIT 1`,
    [query, at],
  );
  return searchFromRow(rows[0]!);
}

export async function removeSavedSearch(db: Queryable, id: number): Promise<SavedSearch | undefined> {
  const { rows } = await db.query<SearchRow>('DELETE FROM saved_searches WHERE id = $1 RETURNING *', [id]);
  return rows[0] ? searchFromRow(rows[0]) : undefined;
}
