// Rules and saved searches as both backends' tables hold them (SQLite migration 15, PostgreSQL 6): the same
// columns on each, so one mapping from a row to the model serves both.
import type { Rule, RuleAction, RuleField, SavedSearch } from '../model.js';

export type RuleRow = { id: number; action: RuleAction; field: RuleField; value: string; note: string | null; created_at: string };
export type SearchRow = { id: number; query: string; created_at: string };

export function ruleFromRow(r: RuleRow): Rule {
  return { id: r.id, action: r.action, field: r.field, value: r.value, ...(r.note !== null ? { note: r.note } : {}), createdAt: r.created_at };
}

export function searchFromRow(r: SearchRow): SavedSearch {
  return { id: r.id, query: r.query, createdAt: r.created_at };
}
