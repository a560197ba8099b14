import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

function configFile(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-config-')), 'newsdesk.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('the model backend in the config', () => {
  it('is off by default, and the summary keys keep working beside it', () => {
    const config = loadConfig({ env: {}, file: configFile('summary:\n  maxWords: 200\n') });
    expect(config.summarize.backend).toBe('extractive');
    expect(config.summary.maxWords).toBe(200);
    expect(config.llm.url).toBeUndefined();
  });

  it('reads summarize.backend and the llm section, and the environment and flags override them', () => {
    const file = configFile('summarize:\n  backend: llm\nllm:\n  url: http://localhost:11434/v1\n  model: qwen2.5:7b\n  concurrency: 4\n  tokenBudget: 50000\n  inputPricePerMillion: 0.15\n');
    const config = loadConfig({ env: { NEWSDESK_LLM_MODEL: 'llama3.1:8b' }, file });
    expect(config.summarize.backend).toBe('llm');
    expect(config.llm).toMatchObject({ url: 'http://localhost:11434/v1', model: 'llama3.1:8b', concurrency: 4, tokenBudget: 50000, inputPricePerMillion: 0.15, temperature: 0.2 });
    const flagged = loadConfig({ env: {}, flags: { llmUrl: 'http://127.0.0.1:8080/v1', llmModel: 'local' } });
    expect(flagged.summarize.backend).toBe('llm');
    expect(flagged.llm).toMatchObject({ url: 'http://127.0.0.1:8080/v1', model: 'local' });
  });

  it('refuses an API key in the file, pointing at the environment variable', () => {
    expect(() => loadConfig({ env: {}, file: configFile('llm:\n  apiKey: sk-123\n') })).toThrow(/never goes in a config file; set NEWSDESK_LLM_API_KEY/);
  });

  it('refuses the llm backend without a server and a model, unknown keys and bad values, naming them', () => {
    expect(() => loadConfig({ env: {}, file: configFile('summarize:\n  backend: llm\n') })).toThrow(/needs llm.url \(--llm-url\) and llm.model \(--llm-model\)/);
    expect(() => loadConfig({ env: {}, file: configFile('summarize:\n  backend: gpt\n') })).toThrow(/"summarize.backend" .* is "gpt"; use extractive or llm/);
    expect(() => loadConfig({ env: {}, file: configFile('llm:\n  temprature: 0.1\n') })).toThrow(/unknown key "llm.temprature"/);
    expect(() => loadConfig({ env: {}, file: configFile('llm:\n  concurrency: 0\n') })).toThrow(/"llm.concurrency" in .* must be a whole number ≥ 1; got 0$/);
    expect(() => loadConfig({ env: {}, file: configFile('llm:\n  maxTokens: 10.5\n') })).toThrow(/"llm.maxTokens" in .* must be a whole number ≥ 1; got 10.5$/);
    expect(() => loadConfig({ env: {}, file: configFile('llm:\n  temperature: -0.1\n') })).toThrow(/"llm.temperature" in .* must be a number ≥ 0; got -0.1$/);
    expect(loadConfig({ env: {}, file: configFile('llm:\n  temperature: 0.7\n  inputPricePerMillion: 0.15\n') }).llm).toMatchObject({ temperature: 0.7, inputPricePerMillion: 0.15 });
  });
});
