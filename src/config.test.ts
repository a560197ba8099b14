import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, loadConfig, rankSettings } from './config.js';

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-config-')), 'newsdesk.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig: ranking and publishing', () => {
  it('reads weights, half-life, sources, topics, diversity and templates', () => {
    const file = configFile(`
weights: { topic: 2, novelty: 1 }
ranking:
  halfLifeHours: 12
  sources: { harborgazette: 2 }
  topics: { "school board": 1.5, ferry: 0.5 }
  diversity: { topN: 5, perPublisher: 1 }
publish:
  title: Coast desk
  siteUrl: https://desk.example/briefings/
  templates: { html: templates/briefing.eta }
`);
    mkdirSync(join(file, '..', 'templates'));
    writeFileSync(join(file, '..', 'templates/briefing.eta'), '<%= it.title %>');
    const config = loadConfig({ file, env: {} });
    const settings = rankSettings(config);
    expect(settings.weights).toEqual({ ...DEFAULT_CONFIG.weights, topic: 2, novelty: 1 });
    expect(settings.halfLifeHours).toBe(12);
    expect(settings.sources).toEqual({ harborgazette: 2 });
    expect(settings.topics).toEqual({ 'school board': 1.5, ferry: 0.5 });
    expect(settings.diversity).toEqual({ topN: 5, perPublisher: 1, perStory: DEFAULT_CONFIG.ranking.diversity.perStory });
    expect(config.publish.title).toBe('Coast desk');
    expect(config.publish.templates.html).toBe(join(file, '..', 'templates/briefing.eta'));
  });

  it.each([
    ['weights: { length: 1 }', /unknown key "weights.length"/],
    ['ranking: { halfLife: 3 }', /unknown key "ranking.halfLife"/],
    ['ranking: { diversity: { topK: 3 } }', /unknown key "ranking.diversity.topK"/],
    ['ranking: { diversity: { perStory: 0 } }', /ranking.diversity.perStory.*whole number ≥ 1/],
    ['ranking: { topics: { ferry: -1 } }', /ranking.topics.ferry.*number ≥ 0/],
    ['ranking: { halfLifeHours: 0 }', /halfLifeHours.*above 0/],
    ['publish: { siteUrl: "desk.example" }', /publish.siteUrl.*absolute http/],
    ['publish: { templates: { pdf: x } }', /unknown key "publish.templates.pdf"/],
    ['publish: { templates: { html: missing.eta } }', /publish.templates.html .*missing\.eta does not exist/],
  ])('refuses %s', (text, message) => {
    expect(() => loadConfig({ file: configFile(text), env: {} })).toThrow(message);
  });
});

describe('loadConfig: audit', () => {
  it('defaults to the rules, and reads the model check’s server, model and knobs', () => {
    expect(loadConfig({ env: {} }).audit.backend).toBe('rules');
    const config = loadConfig({ file: configFile('audit:\n  backend: llm\n  llm: { url: "http://127.0.0.1:11434/v1", model: small, retries: 0, concurrency: 2 }\n'), env: {} });
    expect(config.audit.backend).toBe('llm');
    expect(config.audit.llm).toMatchObject({ url: 'http://127.0.0.1:11434/v1', model: 'small', retries: 0, concurrency: 2, timeoutMs: DEFAULT_CONFIG.audit.llm.timeoutMs });
  });

  it.each([
    ['audit:\n  backend: gpt\n', /audit.backend.*rules or llm/],
    ['audit:\n  llm: { apiKey: x }\n', /unknown key "audit.llm.apiKey"/],
    ['audit:\n  llm: { concurrency: 0 }\n', /concurrency.*at least 1/],
  ])('refuses %j', (text, message) => {
    expect(() => loadConfig({ file: configFile(text), env: {} })).toThrow(message);
  });
});
