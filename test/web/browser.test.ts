// The editor in a real browser: Debian's Chromium driven by playwright-core (no browser download;
// `npm test` installs the chromium package first, scripts/ensure-chromium.mjs). Board, article view, provenance highlighting, usage changes
// that survive a reload, keyboard shortcuts, a narrow screen, and hostile articles that must stay inert.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS } from '../helpers/browser.js';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';
import type { ArticleView, Board } from '../../src/web/review.js';

// The README's screenshots are refreshed on request only, so a plain test run leaves the tree clean.

let editor: TestEditor;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let board: Board;
const dialogs: string[] = [];
const consoleMessages: string[] = [];

beforeAll(async () => {
  editor = await startTestEditor();
  browser = await launchChromium();
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
/** The article on each story's line: what j/k move between while stories are folded. */
const leads = () => board.stories.map((s) => s.articles.find((a) => !a.duplicateOf)!);
const focusedEntryId = () => page.evaluate(() => document.activeElement?.closest<HTMLElement>('.entry')?.dataset.id ?? null);
const usageLabel = (id: string) => page.locator(`.board [data-id="${id}"] > [data-role="usage"], .board [data-id="${id}"] .row-meta [data-role="usage"], .board li[data-id="${id}"] .meta [data-role="usage"]`).first();

/** The board as the API has it now: editors' decisions reorder it. */
async function refresh(): Promise<void> {
  board = (await (await fetch(`${editor.url}/api/stories`, { headers: { Authorization: `Bearer ${editor.token}` } })).json()) as Board;
}

async function articleView(id: string): Promise<ArticleView> {
  return (await (await fetch(`${editor.url}/api/articles/${id}`, { headers: { Authorization: `Bearer ${editor.token}` } })).json()) as ArticleView;
}

describe('editor in the browser', () => {
  it('loads the board one line per story, with publisher badges and the token kept out of the address', async () => {
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => page.locator('h1').textContent()).toBe("Today's stories");
    expect(await page.locator('.entry').count()).toBe(entries().length);
    expect(await page.locator('.story').count()).toBe(board.stories.length);
    expect(await page.locator('.story').first().locator('.badges .badge').allTextContents()).toEqual(board.stories[0]!.publishers);
    // Folded: only each story's line shows, each one line high.
    expect(await page.locator('.story-more').evaluateAll((els) => els.every((e) => (e as HTMLElement).hidden))).toBe(true);
    const rows = await page.locator('.story-row').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, height: r.height })));
    const tallest = Math.max(...rows.map((r) => r.height));
    expect(tallest).toBeLessThan(48);
    // At least eight such lines fit on a 900 px screen below the board's header.
    expect(rows[0]!.top + 8 * tallest).toBeLessThanOrEqual(900);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-board-compact.png') });
    // Dates read as people say them, with the exact time in the tooltip.
    const stamp = page.locator('#board-run time');
    expect(await stamp.textContent()).toBe('1 h ago');
    expect(await stamp.getAttribute('title')).toContain('2026-11-23T08:00:00.000Z');

    await page.getByRole('link', { name: 'Show every article and summary' }).click();
    await page.waitForURL(/view=full/);
    expect(await page.locator('.story-more:visible').count()).toBe(board.stories.length);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-board.png'), fullPage: true });
    await page.goto(`${editor.url}/`);
  });

  it('moves with j/k, sets usage with s, b and r, undoes with u; the choice survives a reload', async () => {
    const [first, second, third] = leads();
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
    await page.keyboard.press('u');
    await expect.poll(() => usageLabel(first!.articleId).textContent()).toBe('candidate');
    await page.locator('#status', { hasText: 'Undone' }).waitFor();
    await page.keyboard.press('r');
    await expect.poll(() => usageLabel(first!.articleId).textContent()).toBe('rejected');

    await page.reload();
    expect(await usageLabel(first!.articleId).textContent()).toBe('rejected');
    expect(await usageLabel(second!.articleId).textContent()).toBe('selected');
    expect(await usageLabel(third!.articleId).textContent()).toBe('background');
    expect((await editor.store.usageHistory(second!.articleId)).map((c) => c.usage)).toEqual(['selected']);
    expect((await editor.store.usageHistory(first!.articleId)).map((c) => c.usage)).toEqual(['rejected', 'candidate', 'rejected']);

    await page.goto(`${editor.url}/?usage=selected`);
    expect(await page.locator('.entry').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual([second!.articleId]);
    await page.goto(`${editor.url}/`);
  });

  it('expands a story with e, walks into it with j, selects the whole story with x and undoes it', async () => {
    await refresh();
    const story = board.stories.find((s) => s.articles.length > 1)!;
    const [lead, other] = story.articles;
    await page.locator(`.story[data-story="${story.id}"] .story-row .entry-link`).focus();
    await page.keyboard.press('e');
    expect(await page.locator(`#more-${story.id}`).isVisible()).toBe(true);
    expect(await page.locator(`.story[data-story="${story.id}"] .expand`).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('j');
    expect(await focusedEntryId()).toBe(other!.articleId);
    await page.keyboard.press('x');
    await expect.poll(() => usageLabel(other!.articleId).textContent()).toBe('selected');
    await expect.poll(() => usageLabel(lead!.articleId).textContent()).toBe('selected');
    expect(await editor.store.usageHistory(other!.articleId)).toContainEqual(expect.objectContaining({ usage: 'selected', note: 'story decision on the board' }));
    // Undo puts each article back where it was (one of them was rejected earlier).
    await page.keyboard.press('u');
    await expect.poll(() => usageLabel(lead!.articleId).textContent()).toBe(lead!.usage);
    await expect.poll(() => usageLabel(other!.articleId).textContent()).toBe(other!.usage);
    expect(new Set(story.articles.map((a) => a.usage))).toContain('rejected');
    await page.keyboard.press('e');
    expect(await page.locator(`#more-${story.id}`).isHidden()).toBe(true);
  });

  it('answers ? with the keys, / with the search box and o with the original article', async () => {
    await page.keyboard.press('?');
    expect(await page.locator('#help').isVisible()).toBe(true);
    expect(await page.locator('#help').textContent()).toContain('undo the last change');
    await page.keyboard.press('Escape');
    expect(await page.locator('#help').isHidden()).toBe(true);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.press('Escape');
    await refresh();
    // The original opens in a new tab; the test stops it at the door (no network in tests).
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, body: 'original' }));
    // The fixtures are local files: no web address, and the editor says so rather than open a file: URL.
    const lead = leads()[0]!;
    const row = page.locator(`.story-row[data-id="${lead.articleId}"]`);
    expect(await row.getAttribute('data-url')).toBeNull();
    await row.locator('.entry-link').focus();
    await page.keyboard.press('o');
    await page.locator('#status', { hasText: 'No original address for this article.' }).waitFor();
    // With a web address (as feeds give), o opens it in a new tab; noopener: a new page of the context, not a popup.
    await row.evaluate((el) => ((el as HTMLElement).dataset.url = 'https://news.example/orchard-bridge'));
    const [tab] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('o')]);
    await tab.waitForURL('https://news.example/orchard-bridge');
    await tab.close();
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
    expect(await page.locator('.changes').textContent()).toContain('→ background (explainer for the levy story)');
    expect(await page.locator('pre.markdown').textContent()).toContain('usage: background');

    await page.getByRole('spinbutton', { name: 'Pin at rank' }).fill('1');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Pin', exact: true }).click()]);
    await page.goto(`${editor.url}/`);
    expect(await page.locator('.entry').first().getAttribute('data-id')).toBe(entry.articleId);
    await page.goBack();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download / }).click()]);
    expect(download.suggestedFilename()).toBe('marrowgate-voters-approve-library-levy.md');
  });

  it('searches every stored article from the box that / focuses, by a word only the text holds', async () => {
    await page.goto(`${editor.url}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('dredging');
    await Promise.all([page.waitForURL(/\/search\?q=dredging/), page.keyboard.press('Enter')]);
    expect(await page.locator('#result-count').textContent()).toBe('1 article holds every word of “dredging”');
    const result = page.locator('.result');
    expect(await result.locator('.summary').textContent()).toContain('dredging');
    expect(await result.locator('.entry-link').textContent()).not.toMatch(/dredging/i);
    const api = (await (await fetch(`${editor.url}/api/search?q=dredging`, { headers: { Authorization: `Bearer ${editor.token}` } })).json()) as { results: Array<{ id: string }> };
    expect(await result.getAttribute('data-id')).toBe(api.results[0]!.id);
    await Promise.all([page.waitForURL(`**/articles/${api.results[0]!.id}`), result.locator('.entry-link').click()]);
  });

  it('puts the controls and the summary before the source, marks the sentences it uses, and steps with j/k', async () => {
    await refresh();
    const lead = leads()[0]!;
    await page.goto(`${editor.url}/articles/${lead.articleId}`);
    const top = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('.controls')).toBeLessThan(await top('.summary-col'));
    // Side by side on a wide screen: the summary is the first column, the source the second.
    const left = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().left);
    expect(await top('.summary-col')).toBe(await top('.source'));
    expect(await left('.summary-col')).toBeLessThan(await left('.source'));
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-article.png') });
    const view = await articleView(lead.articleId);
    const used = [...new Set(view.summary!.sentences.flatMap((s) => s.source.map((span) => `src-${span.sentence}`)))].sort();
    expect((await page.locator('.source .src.used').evaluateAll((els) => els.map((e) => e.id))).sort()).toEqual(used);
    // Marked without a pointer anywhere near: the mark is in the page's own style.
    expect(await page.locator('.source .src.used').first().evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(view.neighbours?.next).toBeDefined();
    await Promise.all([page.waitForURL(`**/articles/${view.neighbours!.next!.id}`), page.keyboard.press('j')]);
    await Promise.all([page.waitForURL(`**/articles/${lead.articleId}`), page.keyboard.press('k')]);
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('#current-usage').textContent()).toBe('background');
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('#current-usage').textContent()).toBe(lead.usage);
  });

  it('works on a 390 px phone: no sideways scrolling, summary before source, story buttons by touch', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const narrow = await phone.newPage();
    await narrow.goto(`${editor.url}/?token=${editor.token}`);
    await refresh();
    for (const path of ['/', '/?view=full', `/articles/${entries()[0]!.articleId}`, '/search?q=bridge']) {
      await narrow.goto(`${editor.url}${path}`);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await narrow.goto(`${editor.url}/articles/${entries()[0]!.articleId}`);
    const y = (selector: string) => narrow.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
    expect(await y('.summary-col')).toBeLessThan(await y('.source'));
    await narrow.screenshot({ path: join(SCREENSHOTS, 'editor-phone-article.png') });

    await narrow.goto(`${editor.url}/`);
    const story = board.stories.find((s) => s.articles.length > 1)!;
    const block = narrow.locator(`.story[data-story="${story.id}"]`);
    await block.locator('.expand').tap();
    expect(await block.locator('.story-more').isVisible()).toBe(true);
    await narrow.screenshot({ path: join(SCREENSHOTS, 'editor-phone.png') });
    await block.getByRole('button', { name: 'background story' }).tap();
    for (const a of story.articles) await expect.poll(() => narrow.locator(`.story[data-story="${story.id}"] [data-id="${a.articleId}"]`).first().getAttribute('data-usage')).toBe('background');
    // One article of the story by touch: its own buttons sit under its summary.
    const second = story.articles[1]!;
    await block.locator(`.entry-actions[data-id="${second.articleId}"]`).getByRole('button', { name: 'reject' }).tap();
    await expect.poll(() => block.locator(`li.entry[data-id="${second.articleId}"]`).getAttribute('data-usage')).toBe('rejected');
    await narrow.reload();
    expect(await block.locator('.story-row').getAttribute('data-usage')).toBe('background');
    expect((await editor.store.usageHistory(second.articleId)).at(-1)?.usage).toBe('rejected');
    await phone.close();
  });

  it('keeps the story buttons working without script', async () => {
    const plain = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await noScript.goto(`${editor.url}/?token=${editor.token}&view=full`);
    await refresh();
    const story = board.stories[0]!;
    await Promise.all([noScript.waitForURL(/#story-/), noScript.locator(`.story[data-story="${story.id}"]`).getByRole('button', { name: 'select story' }).click()]);
    await refresh();
    expect(board.stories.flatMap((s) => s.articles).filter((a) => a.storyId === story.id).every((a) => a.usage === 'selected')).toBe(true);
    await plain.close();
  });

  it('keeps read state per editor: new marks and counts, m marks a story seen, opening marks an article, a button marks all', async () => {
    await refresh();
    const total = entries().length;
    const first = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const mine = await first.newPage();
    await mine.goto(`${editor.url}/?token=${editor.token}`);
    const unread = (p: Page) => p.locator('#unread').getAttribute('data-count');
    await expect.poll(() => unread(mine)).toBe(String(total));
    expect(await mine.locator('.story-row.unseen').count()).toBe(board.stories.length);
    expect(await mine.locator('.story-row.unseen .new-mark').first().textContent()).toBe('new');

    const [story, other] = board.stories;
    await mine.keyboard.press('j');
    await mine.keyboard.press('m');
    await expect.poll(() => unread(mine)).toBe(String(total - story!.articles.length));
    expect(await mine.locator(`.story[data-story="${story!.id}"] .entry.unseen`).count()).toBe(0);

    const lead = other!.articles[0]!;
    await Promise.all([mine.waitForURL(`**/articles/${lead.articleId}`), mine.locator(`.story-row[data-id="${lead.articleId}"] .entry-link`).click()]);
    await mine.goto(`${editor.url}/`);
    await expect.poll(() => unread(mine)).toBe(String(total - story!.articles.length - 1));
    expect(await mine.locator(`.story-row[data-id="${lead.articleId}"]`).getAttribute('class')).not.toContain('unseen');
    const id = (await first.cookies()).find((c) => c.name === 'newsdesk_editor')!.value;
    expect([...(await editor.store.seenBy(id, entries().map((e) => e.articleId)))].sort()).toEqual([...story!.articles.map((a) => a.articleId), lead.articleId].sort());

    // Another browser is another editor: everything is still new there. On a phone, one tap marks it all seen.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const theirs = await phone.newPage();
    await theirs.goto(`${editor.url}/?token=${editor.token}`);
    await expect.poll(() => unread(theirs)).toBe(String(total));
    await theirs.getByRole('button', { name: 'Mark all as seen' }).tap();
    await expect.poll(() => unread(theirs)).toBe('0');
    await theirs.reload();
    await expect.poll(() => unread(theirs)).toBe('0');
    expect(await theirs.getByRole('button', { name: 'Mark all as seen' }).isHidden()).toBe(true);
    await mine.reload();
    await expect.poll(() => unread(mine)).toBe(String(total - story!.articles.length - 1));
    await phone.close();
    await first.close();
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
