// The board's run button and filters in Debian's Chromium (playwright-core, no browser download). The real
// pipeline runs on the fixture sources; a gate holds the finished run open until the test has seen its progress.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS } from '../helpers/browser.js';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';
import { inProcessRunner } from '../../src/web/runs.js';


let editor: TestEditor;
let browser: Browser;
let page: Page;
let release: () => void = () => {};
const problems: string[] = [];

beforeAll(async () => {
  editor = await startTestEditor({
    runner: async (options, store, signal) => {
      const gate = new Promise<void>((open) => (release = open));
      const outcome = await inProcessRunner(options, store, signal);
      await gate;
      return outcome;
    },
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
  page.on('console', (message) => problems.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${editor.url}/?token=${editor.token}`);
});

afterAll(async () => {
  release();
  await browser?.close();
  await editor?.stop();
});

describe('run button and filters in the browser', () => {
  it('starts a run, shows the pipeline stage and a progress bar while it runs, and reloads the board when it is done', async () => {
    const button = page.getByRole('button', { name: 'Run now on the configured sources' });
    expect(await page.locator('#board-run').textContent()).toMatch(/^From run 1, /);
    expect(await button.isEnabled()).toBe(true);
    expect(await page.locator('#run-progress').isHidden()).toBe(true);

    await button.click();
    // The pipeline has finished its last stage (publish reports its end) and waits at the gate: the board shows that, live.
    await page.locator('#run-status', { hasText: 'Run in progress: publish 5/5' }).waitFor();
    expect(await button.isDisabled()).toBe(true);
    expect(await page.locator('#run-progress').isVisible()).toBe(true);
    expect(await page.locator('#run-progress').evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([5, 5]);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-run.png') });
    // Cancelling is offered while the run works; at publish it is too late, and the board says why.
    const cancel = page.getByRole('button', { name: 'Cancel the run' });
    expect(await cancel.isVisible()).toBe(true);
    await cancel.click();
    await page.locator('#status', { hasText: 'Could not cancel the run: the run is already at publish, writing its results; it will finish shortly' }).waitFor();

    const reloaded = page.waitForEvent('load');
    release();
    await reloaded;
    expect(await page.locator('#run-status').textContent()).toBe('Run 2 finished: 5 articles, 4 stories, 0 duplicates, 0 failed sources');
    expect(await page.locator('#board-run').textContent()).toMatch(/^From run 2, /);
    expect(await page.locator('.entry').count()).toBe(5);
    expect(await button.isEnabled()).toBe(true);
    expect(await cancel.isHidden()).toBe(true);
    // The refused cancel is the one failed request the browser reports; nothing else went wrong.
    expect(problems).toEqual([expect.stringMatching(/^error: Failed to load resource: .*409/)]);
  });

  it('filters the board by topic and since from the form', async () => {
    await page.getByRole('searchbox', { name: 'Topic' }).fill('bridges');
    await page.getByRole('combobox', { name: 'Since' }).fill('24h');
    await Promise.all([page.waitForURL(/topic=bridges/), page.getByRole('button', { name: 'Filter' }).click()]);
    expect(new URL(page.url()).searchParams.get('since')).toBe('24h');
    const titles = await page.locator('.entry-link').allTextContents();
    expect(titles).toHaveLength(2);
    for (const title of titles) expect(title).toMatch(/Bridge/);
    expect(await page.getByRole('searchbox', { name: 'Topic' }).inputValue()).toBe('bridges');

    await page.getByRole('combobox', { name: 'Since' }).fill('1h');
    await Promise.all([page.waitForURL(/since=1h/), page.getByRole('button', { name: 'Filter' }).click()]);
    expect(await page.locator('.entry').count()).toBe(0);
    expect(await page.getByText('No stories match these filters.').isVisible()).toBe(true);
  });
});
