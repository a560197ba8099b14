// The editor in a real browser: Debian's Chromium driven by playwright-core (no browser download;
// `npm test` installs the chromium package first, scripts/ensure-chromium.mjs). Board, article view, provenance highlighting, usage changes
// that survive a reload, keyboard shortcuts, a narrow screen, and hostile articles that must stay inert.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';
import { tempDir } from '../helpers/cli.js';
import type { ArticleView, Board } from '../../src/web/review.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// The README's screenshots are refreshed on request only, so a plain test run leaves the tree clean.
const SCREENSHOTS = process.env.NEWSDESK_UPDATE_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/', import.meta.url)) : tempDir('newsdesk-shots-');

let editor: TestEditor;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let board: Board;
const dialogs: string[] = [];
const consoleMessages: string[] = [];

beforeAll(async () => {
  editor = await startTestEditor();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => consoleMessages.push(`${message.text()} ${message.location().url}`));
  page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`));
  board = (await (await fetch(`${editor.url}/api/stories`, { headers: { Authorization: `Bearer ${editor.token}` } })).json()) as Board;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto(`${editor.url}/?token=${editor.token}`);
});

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
});

const entries = () => board.stories.flatMap((s) => s.articles);
const focusedEntryId = () => page.evaluate(() => document.activeElement?.closest<HTMLElement>('.entry')?.dataset.id ?? null);
const usageLabel = (id: string) => page.locator(`.entry[data-id="${id}"] [data-role="usage"]`);

async function articleView(id: string): Promise<ArticleView> {
  return (await (await fetch(`${editor.url}/api/articles/${id}`, { headers: { Authorization: `Bearer ${editor.token}` } })).json()) as ArticleView;
}

describe('editor in the browser', () => {
  it('loads the board with every story, publisher badges and the token kept out of the address', async () => {
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => page.locator('h1').textContent()).toBe("Today's stories");
    expect(await page.locator('.entry').count()).toBe(entries().length);
    expect(await page.locator('.story').first().locator('.badges .badge').allTextContents()).toEqual(board.stories[0]!.publishers);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-board.png'), fullPage: true });
  });

  it('moves with j/k and sets usage with s, b and r; the choice survives a reload', async () => {
    const [first, second, third] = entries();
    await page.keyboard.press('j');
    expect(await focusedEntryId()).toBe(first!.articleId);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focusedEntryId()).toBe(second!.articleId);
    await page.keyboard.press('s');
    await expect.poll(() => usageLabel(second!.articleId).textContent()).toBe('selected');
    await page.keyboard.press('j');
    await page.keyboard.press('b');
    await expect.poll(() => usageLabel(third!.articleId).textContent()).toBe('background');
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await page.keyboard.press('r');
    await expect.poll(() => usageLabel(first!.articleId).textContent()).toBe('rejected');

    await page.reload();
    expect(await usageLabel(first!.articleId).textContent()).toBe('rejected');
    expect(await usageLabel(second!.articleId).textContent()).toBe('selected');
    expect(await usageLabel(third!.articleId).textContent()).toBe('background');
    expect((await editor.store.usageHistory(second!.articleId)).map((c) => c.usage)).toEqual(['selected']);

    await page.goto(`${editor.url}/?usage=selected`);
    expect(await page.locator('.entry').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual([second!.articleId]);
    await page.goto(`${editor.url}/`);
  });

  it('opens an article and highlights the source sentences of the summary sentence under the pointer or focus', async () => {
    const entry = entries().find((e) => e.publisher === 'brindle-post')!;
    await page.locator(`.entry[data-id="${entry.articleId}"] .entry-link`).click();
    await page.waitForURL(`**/articles/${entry.articleId}`);
    const view = await articleView(entry.articleId);
    const summary = view.summary!.sentences;
    expect(summary.length).toBeGreaterThan(2);

    await page.locator('#sum-1').hover();
    const lit = await page.locator('.src.hl').evaluateAll((els) => els.map((e) => [e.id, e.textContent]));
    expect(lit).toEqual(summary[1]!.source.map((s) => [`src-${s.sentence}`, summary[1]!.text]));
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-article.png'), fullPage: true });

    await page.mouse.move(0, 0);
    expect(await page.locator('.src.hl').count()).toBe(0);
    await page.locator('#sum-2').focus();
    const litByFocus = await page.locator('.src.hl').evaluateAll((els) => els.map((e) => e.textContent));
    expect(litByFocus).toEqual([summary[2]!.text]);
    expect(await page.locator('.src.hl').count()).toBe(1);
  });

  it('changes usage with a note and the rank from the article view, keeps them after a reload; the Markdown downloads', async () => {
    const entry = entries().find((e) => e.publisher === 'brindle-post')!;
    await page.goto(`${editor.url}/articles/${entry.articleId}`);
    await page.getByRole('combobox', { name: 'Usage' }).selectOption('background');
    await page.getByRole('textbox', { name: 'Note' }).fill('explainer for the levy story');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save usage' }).click()]);
    await page.reload();
    expect(await page.locator('#current-usage').textContent()).toBe('background');
    expect(await page.locator('.changes').textContent()).toContain('candidate → background (explainer for the levy story)');
    expect(await page.locator('pre.markdown').textContent()).toContain('usage: background');

    await page.getByRole('spinbutton', { name: 'Pin at rank' }).fill('1');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Pin', exact: true }).click()]);
    await page.goto(`${editor.url}/`);
    expect(await page.locator('.entry').first().getAttribute('data-id')).toBe(entry.articleId);
    await page.goBack();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download / }).click()]);
    expect(download.suggestedFilename()).toBe('marrowgate-voters-approve-library-levy.md');
  });

  it('fits a 400 px wide screen without sideways scrolling', async () => {
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 400, height: 800 });
    for (const path of ['/', `/articles/${entries()[0]!.articleId}`]) {
      await narrow.goto(`${editor.url}${path}`);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    }
    await narrow.close();
  });

  it('shows hostile articles as text: no script runs, no handler fires, no javascript: link exists', async () => {
    const hostile = entries().filter((e) => e.publisher === 'saltmere-beacon');
    expect(hostile).toHaveLength(2);
    for (const path of ['/', ...hostile.map((e) => `/articles/${e.articleId}`)]) {
      await page.goto(`${editor.url}${path}`);
      await page.locator('.sum, .entry').first().hover();
      expect(await page.locator('img, iframe, object, embed, a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator('script').evaluateAll((els) => els.map((e) => e.getAttribute('src')))).toEqual(['/assets/editor.js']);
    }
    expect(await page.locator('h1').textContent()).toMatch(/<script>|Gull Point/);
    expect(dialogs).toEqual([]);
    expect(consoleMessages.filter((m) => /pwned|alert/i.test(m))).toEqual([]);
    expect(consoleMessages).toEqual([]);
  });
});
