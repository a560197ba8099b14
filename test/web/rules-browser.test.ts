// Rules and saved searches in Debian's Chromium (playwright-core, no browser download), at 1280 px and on a
// 390 px phone: a rule made on the rules page, from a story's buttons and from an article moves the board at
// once and says why; a saved search flags what it finds, new until seen; everything also works by touch.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS } from '../helpers/browser.js';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';
import type { Board } from '../../src/web/review.js';


let editor: TestEditor;
let browser: Browser;
let wide: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  editor = await startTestEditor();
  browser = await launchChromium();
  wide = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await wide.newPage();
  page.on('console', (message) => problems.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${editor.url}/?token=${editor.token}`);
});

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
});

async function board(): Promise<Board> {
  return (await (await fetch(`${editor.url}/api/stories`, { headers: { Authorization: `Bearer ${editor.token}` } })).json()) as Board;
}

/** The stories in the order the page shows them. */
const shownOrder = (p: Page) => p.locator('.board .story').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.story));
const storyOf = async (publisher: string) => (await board()).stories.find((s) => s.articles.some((a) => a.publisher === publisher))!;

describe('rules in the browser at 1280 px', () => {
  it('adds a mute rule on the rules page: the story goes last on the board with a muted mark that says why', async () => {
    const levy = await storyOf('brindle-post');
    expect((await shownOrder(page)).at(-1)).not.toBe(levy.id);
    await page.getByRole('link', { name: 'Rules and saved searches' }).click();
    await page.waitForURL('**/rules');
    expect(await page.locator('#no-rules').textContent()).toBe('No rules yet.');
    await page.getByRole('combobox', { name: 'Action' }).selectOption('mute');
    await page.getByRole('combobox', { name: 'Match' }).selectOption('publisher');
    await page.getByLabel('Value').fill('brindle-post');
    await page.getByRole('textbox', { name: 'Note' }).fill('council press releases');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add rule' }).click()]);
    const rule = page.locator('.rule[data-rule="1"]');
    expect(await rule.locator('.rule-text').textContent()).toBe('mute publisher brindle-post');
    expect(await rule.locator('.meta').textContent()).toMatch(/^1 article · added just now · council press releases$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-rules.png'), fullPage: true });

    await page.goto(`${editor.url}/`);
    expect((await shownOrder(page)).at(-1)).toBe(levy.id);
    const mark = page.locator(`.story[data-story="${levy.id}"] .story-row .rule-muted`);
    expect(await mark.textContent()).toBe('muted');
    expect(await mark.getAttribute('title')).toBe('muted by publisher brindle-post (rule 1)');
  });

  it("boosts a story with its button on the board: it moves to the top, marked boosted, and the board keeps one line per story", async () => {
    const bridge = await storyOf('lakeside-ledger');
    const block = page.locator(`.story[data-story="${bridge.id}"]`);
    await block.locator('.expand').click();
    await Promise.all([page.waitForURL(`**/#story-${bridge.id}`), block.getByRole('button', { name: 'boost story' }).click()]);
    expect((await shownOrder(page))[0]).toBe(bridge.id);
    expect(await page.locator(`.story[data-story="${bridge.id}"] .story-row .rule-boosted`).getAttribute('title')).toBe(`boosted by story ${bridge.id} (rule 2)`);
    const heights = await page.locator('.story-row').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(48);
  });

  it('adds a rule from the article page, which then says what the rules did to it', async () => {
    const levy = (await storyOf('brindle-post')).articles[0]!;
    await page.goto(`${editor.url}/articles/${levy.articleId}`);
    expect(await page.locator('#rule-effects').textContent()).toContain('muted by publisher brindle-post (rule 1): ranked after every article not muted.');
    // The article has no byline: its publisher and its story are what a rule can name here.
    expect(await page.locator('#rule-select option').allTextContents()).toEqual([
      'mute publisher brindle-post',
      'boost publisher brindle-post',
      `mute story ${levy.storyId}`,
      `boost story ${levy.storyId}`,
    ]);
    await page.getByRole('combobox', { name: 'Rule' }).selectOption(`boost story ${levy.storyId}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add rule' }).click()]);
    expect(await page.locator('#rule-effects .rule-boosted').textContent()).toBe('boosted');
    expect(await page.locator('#rule-effects').textContent()).toContain(`by story ${levy.storyId} (rule 3)`);
  });

  it('flags the stories a saved search finds, new until this editor has seen them', async () => {
    await page.goto(`${editor.url}/rules`);
    await page.getByRole('textbox', { name: 'Words' }).fill('orchard bridge');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save search' }).click()]);
    expect(await page.locator('.saved .meta').textContent()).toBe('2 matches on the board');

    await page.goto(`${editor.url}/`);
    const bridge = await storyOf('lakeside-ledger');
    const flag = page.locator(`.story[data-story="${bridge.id}"] .story-row .search-flag`);
    expect(await flag.textContent()).toBe('orchard bridge');
    await expect.poll(() => flag.getAttribute('class')).toBe('search-flag new');
    const count = page.locator('.saved-searches li[data-search="0"] .new-count');
    await expect.poll(() => count.textContent()).toBe('2 new');
    expect(await page.locator('.search-flag').count()).toBe(1);
    // The bridge story leads the board (boosted): j moves to it, m marks it seen, and the flag is no longer new.
    await page.keyboard.press('j');
    await page.keyboard.press('m');
    await expect.poll(() => flag.getAttribute('class')).toBe('search-flag');
    expect(await count.isHidden()).toBe(true);
    await page.reload();
    await expect.poll(() => page.locator('#unread').getAttribute('data-count')).not.toBeNull();
    expect(await flag.getAttribute('class')).toBe('search-flag');
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-board-rules.png') });
  });

  it('removes the rules on the rules page and the board is as it was', async () => {
    await page.goto(`${editor.url}/rules`);
    for (const id of ['3', '2', '1']) {
      await Promise.all([page.waitForNavigation(), page.locator(`.rule[data-rule="${id}"]`).getByRole('button', { name: 'Remove' }).click()]);
    }
    expect(await page.locator('.rule').count()).toBe(0);
    await page.goto(`${editor.url}/`);
    expect(await page.locator('.rule-mark').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('rules on a 390 px phone', () => {
  it('mutes a story by touch, shows the rules page without sideways scrolling, and removes the rule by touch', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const narrow = await phone.newPage();
    await narrow.goto(`${editor.url}/?token=${editor.token}`);
    const lead = (await board()).stories[0]!;
    const block = narrow.locator(`.story[data-story="${lead.id}"]`);
    await block.locator('.expand').tap();
    await Promise.all([narrow.waitForURL(`**/#story-${lead.id}`), block.getByRole('button', { name: 'mute story' }).tap()]);
    expect((await shownOrder(narrow)).at(-1)).toBe(lead.id);
    expect(await narrow.locator(`.story[data-story="${lead.id}"] .story-row .rule-muted`).isVisible()).toBe(true);
    // The saved search's flag and the bar above the board fit the phone too.
    expect(await narrow.locator('.saved-searches').isVisible()).toBe(true);
    for (const path of ['/', '/rules', `/articles/${lead.articles[0]!.articleId}`]) {
      await narrow.goto(`${editor.url}${path}`);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await narrow.goto(`${editor.url}/rules`);
    await narrow.screenshot({ path: join(SCREENSHOTS, 'editor-phone-rules.png'), fullPage: true });
    await Promise.all([narrow.waitForNavigation(), narrow.locator('.rule').getByRole('button', { name: 'Remove' }).tap()]);
    expect(await narrow.locator('#no-rules').isVisible()).toBe(true);
    await Promise.all([narrow.waitForNavigation(), narrow.locator('.saved').getByRole('button', { name: 'Remove' }).tap()]);
    expect(await narrow.locator('#no-searches').isVisible()).toBe(true);
    await narrow.goto(`${editor.url}/`);
    expect((await shownOrder(narrow))[0]).toBe(lead.id);
    await phone.close();
  });
});
