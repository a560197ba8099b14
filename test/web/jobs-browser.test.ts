// Failed jobs in Debian's Chromium (playwright-core, no browser download), at 1280 px and on a 390 px phone:
// from the board to the failed jobs of a PostgreSQL desk, per run, then one run's; and a SQLite desk's page,
// which says it has no queue.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS } from '../helpers/browser.js';
import { startFailedJobsDesk, type FailedJobsDesk } from '../helpers/failed-jobs.js';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';


let desk: FailedJobsDesk;
let sqlite: TestEditor;
let browser: Browser;
const problems: string[] = [];

async function open(screen: 'wide' | 'phone', url: string): Promise<Page> {
  const context = await browser.newContext(screen === 'wide' ? { viewport: { width: 1280, height: 900 } } : { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  page.on('console', (message) => problems.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  desk = await startFailedJobsDesk();
  sqlite = await startTestEditor();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
  await sqlite?.stop();
});

describe('failed jobs in the browser', () => {
  it('goes from the board to the failed jobs per run, each with its kind, URL, attempts, time and last error', async () => {
    const page = await open('wide', `${desk.editor.url}/?token=${desk.token}`);
    await Promise.all([page.waitForURL('**/jobs'), page.getByRole('link', { name: 'Failed jobs' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Failed jobs');
    expect(await page.locator('#jobs-from').textContent()).toMatch(/from the job queue in postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:\d+\/\w+\./);
    expect(await page.locator('.job-run').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.run))).toEqual(['2', '1']);
    const run1 = page.locator('.job-run[data-run="1"]');
    expect(await run1.locator('h2').textContent()).toBe('Run 1 1 failed job');
    const job = run1.locator('.job');
    expect(await job.count()).toBe(1);
    expect(await job.locator('.job-kind').textContent()).toBe('fetch');
    expect(await job.locator('a.job-source').getAttribute('href')).toBe(desk.feeds.quarry);
    expect(await job.locator('.job-source').textContent()).toBe(desk.feeds.quarry);
    expect(await job.locator('.job-attempts').textContent()).toBe('2 of 2 attempts');
    expect(await job.locator('.job-error').textContent()).toBe('fetch: HTTP 503 Service Unavailable');
    expect(await job.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await job.locator('time').textContent()).toMatch(/^(just now|\d+ min ago)$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-failed-jobs.png'), fullPage: true });

    await Promise.all([page.waitForURL('**/jobs?run=1'), run1.getByRole('link', { name: 'Run 1' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Failed jobs of run 1');
    expect(await page.locator('.job-run').count()).toBe(1);
    await page.getByRole('link', { name: "Every run's failed jobs" }).click();
    await page.waitForURL(/\/jobs$/);
    expect(await page.locator('.job-run').count()).toBe(2);
    await page.context().close();
  });

  it('fits a 390 px phone: long URLs and errors wrap, nothing scrolls sideways', async () => {
    const page = await open('phone', `${desk.editor.url}/jobs?token=${desk.token}`);
    await page.waitForURL(/\/jobs$/);
    expect(await page.locator('.job').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const boxes = await page.locator('.job-source, .job-error').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    for (const right of boxes) expect(right).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('says on a SQLite desk without a queue that there is none', async () => {
    const page = await open('wide', `${sqlite.url}/?token=${sqlite.token}`);
    await Promise.all([page.waitForURL('**/jobs'), page.getByRole('link', { name: 'Failed jobs' }).click()]);
    expect(await page.locator('#no-queue').textContent()).toMatch(/^This desk has no job queue: it is a SQLite desk/);
    expect(await page.locator('.job').count()).toBe(0);
    await page.context().close();
  });

  it('logs no script errors on any of these pages', () => {
    expect(problems).toEqual([]);
  });
});
