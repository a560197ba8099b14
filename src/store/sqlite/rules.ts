// Editors' rules and saved searches on SQLite (migration 15).
import type Database from 'better-sqlite3';
import type { Rule, SavedSearch } from '../../model.js';
import { ruleFromRow, searchFromRow, type RuleRow, type SearchRow } from '../rule-rows.js';
import type { NewRule } from '../types.js';

export function listRules(db: Database.Database): Rule[] {
  return (db.prepare('SELECT * FROM rules ORDER BY id').all() as RuleRow[]).map(ruleFromRow);
}

export function addRule(db: Database.Database, { action, field, value, note }: NewRule, at: string): Rule {
  db.prepare('INSERT INTO rules (action, field, value, note, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(action, field, value, note ?? null, at);
  return ruleFromRow(db.prepare('SELECT * FROM rules WHERE action = ? AND field = ? AND value = ?').get(action, field, value) as RuleRow);
}

export function removeRule(db: Database.Database, id: number): Rule | undefined {
  const row = db.prepare('DELETE FROM rules WHERE id = ? RETURNING *').get(id) as RuleRow | undefined;
  return row ? ruleFromRow(row) : undefined;
}

export function listSavedSearches(db: Database.Database): SavedSearch[] {
  return (db.prepare('SELECT * FROM saved_searches ORDER BY id').all() as SearchRow[]).map(searchFromRow);
}

export function saveSearch(db: Database.Database, query: string, at: string): SavedSearch {
  db.prepare('INSERT INTO saved_searches (query, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(query, at);
  return searchFromRow(db.prepare('SELECT * FROM saved_searches WHERE query = ?').get(query) as SearchRow);
}

export function removeSavedSearch(db: Database.Database, id: number): SavedSearch | undefined {
  const row = db.prepare('DELETE FROM saved_searches WHERE id = ? RETURNING *').get(id) as SearchRow | undefined;
  return row ? searchFromRow(row) : undefined;
}
