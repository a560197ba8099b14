import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, loadConfig, rankSettings } from './config.js';
import { DEFAULT_DIGEST_WORDS, DEFAULT_SUMMARY_OPTIONS } from './summarize/options.js';

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
    ['publish: { digestWords: 0 }', /publish.digestWords.*whole number of words, at least 1/],
    ['publish: { digestWords: many }', /publish.digestWords.*whole number of words/],
  ])('refuses %s', (text, message) => {
    expect(() => loadConfig({ file: configFile(text), env: {} })).toThrow(message);
  });
});

describe('loadConfig: rules and saved searches', () => {
  it('reads mute and boost rules per field (one value or a list) and saved searches, none by default', () => {
    expect(loadConfig({ env: {} })).toMatchObject({ ranking: { rules: [] }, searches: [] });
    const file = configFile(`
ranking:
  mute:
    publisher: IslandWire
    keyword: [horoscope, "celebrity  gossip"]
  boost:
    author: Mara Quill
    story: s-3b8a9c45fb35
searches: [dam spillway, "ferry   fares"]
`);
    const config = loadConfig({ file, env: {} });
    expect(rankSettings(config).rules).toEqual([
      { action: 'mute', field: 'publisher', value: 'islandwire' },
      { action: 'mute', field: 'keyword', value: 'horoscope' },
      { action: 'mute', field: 'keyword', value: 'celebrity gossip' },
      { action: 'boost', field: 'author', value: 'Mara Quill' },
      { action: 'boost', field: 'story', value: 's-3b8a9c45fb35' },
    ]);
    expect(config.searches).toEqual(['dam spillway', 'ferry fares']);
  });

  it.each([
    ['ranking: { hide: { publisher: x } }', /unknown key "ranking.hide"/],
    ['ranking: { mute: { topic: x } }', /unknown key "ranking.mute.topic" in .*; known: keyword, publisher, author, story/],
    ['ranking: { mute: { keyword: 3 } }', /"ranking.mute.keyword" in .* must be a keyword or a list of them/],
    ['ranking: { boost: { keyword: "  " } }', /"ranking.boost.keyword" in .*: give the keyword to boost/],
    ['ranking: { boost: { story: "not an id" } }', /"ranking.boost.story" in .*: "not an id" is not a story id/],
    ['ranking: { mute: { publisher: islandwire }, boost: { publisher: IslandWire } }', /"ranking.boost.publisher" in .* names what "mute publisher islandwire" already does; keep one of them/],
    ['searches: dam', /"searches" in .* must be a list of queries/],
    ['searches: ["?!"]', /"searches" in .*: the query "\?!" has no word to search for/],
  ])('refuses %s', (text, message) => {
    expect(() => loadConfig({ file: configFile(text), env: {} })).toThrow(message);
  });
});

describe('loadConfig: schedule', () => {
  it('reads how often serve runs and the least time between two fetches of one feed; --every wins', () => {
    const file = configFile('schedule:\n  every: 15m\n  perSource: 1h\n');
    expect(loadConfig({ file, env: {} }).schedule).toEqual({ everyMs: 900_000, perSourceMs: 3_600_000 });
    expect(loadConfig({ file, env: {}, flags: { every: '2h' } }).schedule.everyMs).toBe(7_200_000);
    expect(loadConfig({ env: {} }).schedule).toEqual({ perSourceMs: 0 });
  });

  it('refuses what is not a duration, and a schedule of less than a minute, saying what to write', () => {
    expect(() => loadConfig({ file: configFile('schedule:\n  every: often\n'), env: {} })).toThrow(/"schedule\.every" in .* is "often"; give a duration of at least 1m such as 15m/);
    expect(() => loadConfig({ env: {}, flags: { every: '20s' } })).toThrow(/--every is "20s"; give a duration of at least 1m/);
    expect(() => loadConfig({ file: configFile('schedule:\n  when: 5m\n'), env: {} })).toThrow(/unknown key "schedule\.when"/);
  });
});

describe('loadConfig: summary threads', () => {
  it('summarizes on one thread unless summarize.threads or --threads says more; the flag wins', () => {
    expect(loadConfig({ env: {} }).summarize.threads).toBe(1);
    const file = configFile('summarize:\n  threads: 4\n');
    expect(loadConfig({ file, env: {} }).summarize).toEqual({ backend: 'extractive', threads: 4 });
    expect(loadConfig({ file, env: {}, flags: { threads: '2' } }).summarize.threads).toBe(2);
  });

  it('refuses a count that is not a whole number from 1 to 64, saying what it got', () => {
    expect(() => loadConfig({ file: configFile('summarize:\n  threads: 0\n'), env: {} })).toThrow(/"summarize\.threads" in .* must be a whole number from 1 to 64 \(this machine has \d+ cores\); got 0/);
    expect(() => loadConfig({ file: configFile('summarize:\n  threads: 1.5\n'), env: {} })).toThrow(/got 1\.5/);
    expect(() => loadConfig({ env: {}, flags: { threads: 'two' } })).toThrow(/--threads must be a whole number from 1 to 64 .*; got "two"/);
    expect(() => loadConfig({ env: {}, flags: { threads: '65' } })).toThrow(/--threads must be a whole number/);
  });
});

describe('loadConfig: summary and digest lengths', () => {
  it('takes its summary defaults from the summarizer, so the numbers live in one place', () => {
    const config = loadConfig({ env: {} });
    expect(config.summary).toEqual({
      ratio: DEFAULT_SUMMARY_OPTIONS.ratio,
      minWords: DEFAULT_SUMMARY_OPTIONS.minWords,
      maxWords: DEFAULT_SUMMARY_OPTIONS.maxWords,
    });
    expect(config.summary.maxWords).toBe(120);
    expect(config.publish.digestWords).toBe(DEFAULT_DIGEST_WORDS);
    expect(DEFAULT_DIGEST_WORDS).toBe(90);
  });

  it('reads summary.maxWords and publish.digestWords from the file', () => {
    const config = loadConfig({ file: configFile('summary: { maxWords: 150 }\npublish: { digestWords: 60 }\n'), env: {} });
    expect(config.summary.maxWords).toBe(150);
    expect(config.summary.minWords).toBe(DEFAULT_SUMMARY_OPTIONS.minWords);
    expect(config.publish.digestWords).toBe(60);
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
    ['audit:\n  llm: { concurrency: 0 }\n', /"audit.llm.concurrency" in .* must be a whole number ≥ 1; got 0$/],
    ['audit:\n  llm: { retries: 1.5 }\n', /"audit.llm.retries" in .* must be a whole number ≥ 0; got 1.5$/],
  ])('refuses %j', (text, message) => {
    expect(() => loadConfig({ file: configFile(text), env: {} })).toThrow(message);
  });
});
