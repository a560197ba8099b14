import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaitingDrafts } from './waiting.js';
import { ownTempFolder } from '../../test/helpers/temp.js';

// A temporary folder of each test's own, so that no other test's files are counted.
let temp: ReturnType<typeof ownTempFolder>;
beforeEach(() => {
  temp = ownTempFolder();
});
afterEach(() => temp.restore());

const waitingFolders = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('newsdesk-waiting-'));

async function drained<T>(waiting: WaitingDrafts<T>, size: number): Promise<T[][]> {
  const parts: T[][] = [];
  for await (const part of waiting.drain(size)) parts.push(part);
  return parts;
}

describe('drafts waiting for the end of the reading', () => {
  it('keeps their order across memory and the temporary file, and gives them back a batch at a time', async () => {
    const waiting = new WaitingDrafts<{ n: number; text: string }>(3);
    // Line breaks, a line separator and a lone surrogate inside the texts: each entry is still one line.
    await waiting.add([{ n: 1, text: 'one\ntwo' }, { n: 2, text: 'a\r\nb' }]);
    await waiting.add([{ n: 3, text: 'x\u2028y' }, { n: 4, text: 'lone \ud800 half' }]);
    await waiting.add([{ n: 5, text: '' }]);
    expect(waiting.size).toBe(5);
    // Two in memory; the second batch would pass the limit of 3, so it and every later one went to the file.
    expect(waitingFolders().length).toBe(1);
    const parts = await drained(waiting, 2);
    expect(parts.map((part) => part.map((entry) => entry.n))).toEqual([[1, 2], [3, 4], [5]]);
    expect(parts.flat().map((entry) => entry.text)).toEqual(['one\ntwo', 'a\r\nb', 'x\u2028y', 'lone \ud800 half', '']);
    expect(waiting.size).toBe(0);
    expect(waitingFolders()).toEqual([]);
  });

  it('writes no file while what waits stays within the limit', async () => {
    const waiting = new WaitingDrafts<number>(10);
    await waiting.add([1, 2, 3]);
    await waiting.add([4]);
    expect(waitingFolders()).toEqual([]);
    expect(await drained(waiting, 3)).toEqual([[1, 2, 3], [4]]);
  });

  it('removes the file when dropped before it is read back', async () => {
    const waiting = new WaitingDrafts<number>(0);
    await waiting.add([1, 2]);
    expect(waitingFolders().length).toBe(1);
    await waiting.dispose();
    expect(waitingFolders()).toEqual([]);
    expect(waiting.size).toBe(0);
  });
});
