// Escape sequences in headlines, bylines and text: CSI (colours, clearing the screen), OSC (window title,
// hyperlinks), DCS, the C1 forms of CSI and OSC, BEL, backspace and carriage return. Every command's
// human output (and its messages on stderr) must show them as visible text, never send them raw.
import { checkTerminal, type Finding } from '../check.js';
import { defineClass, expectHandled, runCli } from '../harness.js';

const SEQUENCES: Record<string, string> = {
  'CSI colour': '\u001b[31m',
  'CSI clear screen': '\u001b[2J\u001b[H',
  'OSC window title': '\u001b]0;owned\u0007',
  'OSC 8 hyperlink': '\u001b]8;;https://evil.example/\u001b\\',
  DCS: '\u001bP1$r\u001b\\',
  'C1 CSI': '\u009b2J',
  'C1 OSC': '\u009d0;owned\u009c',
  'BEL, BS and CR': '\u0007\u0008\rREWRITTEN',
};
const ALL = Object.values(SEQUENCES).join('');

const sentence = (n: number): string => `The Skerry lifeboat crew trained ${n} hours on Sunday ${ALL}before the storm.`;

export const hostileClass = defineClass('terminal-escapes', async (cases, scratch) => {
  const items = Object.entries(SEQUENCES).map(([name, s], i) =>
    `<item><title>Lifeboat ${s}drill ${i}</title><link>https://skerry.example/${i}</link><author>crew@skerry.example (Ann ${s}Voe)</author><description>${sentence(i)} The harbor master ${s}watched. Volunteers served soup afterwards.</description></item>`);
  const feed = scratch.file('skerry.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Skerry ${ALL}News</title><link>https://skerry.example/</link>${items.join('')}</channel></rss>`);
  const article = scratch.file('skerry.txt', `Skerry ${ALL}lifeboat drill\n\n${sentence(99)} The crew launched twice. The coxswain ${ALL}said the new engine worked well.\n`);
  const summary = scratch.file('summary.txt', `The coxswain ${ALL}said the new engine worked well.\n`);
  const page = scratch.file('skerry.html', `<html><head><title>Skerry ${ALL}drill</title><meta name="author" content="Ann ${ALL}Voe"></head><body><article><p>${sentence(7)}</p><p>The crew launched twice.</p></article></body></html>`);
  const bad = scratch.file(`bad ${ALL}name.xml`, '<rss><channel><title>x</title>');

  const commands: Array<[string, string[], number[]]> = [
    ['run', ['run', '--out', 'out', '--db', 'desk.db', feed, article, page, bad], [0, 1]],
    ['list', ['list', '--db', 'desk.db'], [0]],
    ['rank --explain', ['rank', '--explain', '--db', 'desk.db'], [0]],
    ['parse-feed', ['parse-feed', feed], [0]],
    ['parse-feed of a broken file with escapes in its name', ['parse-feed', bad], [0, 1]],
    ['extract text', ['extract', article], [0]],
    ['extract page', ['extract', page], [0]],
    ['summarize', ['summarize', article], [0]],
    ['audit', ['audit', '--source', article, '--summary', summary], [0, 1]],
    ['dedupe', ['dedupe', feed, article], [0]],
    ['cluster', ['cluster', feed, article], [0]],
    ['sources export', ['sources', 'export', '--opml', feed], [0]],
  ];
  for (const [label, args, statuses] of commands) {
    await cases.try(label, async (): Promise<Finding[]> => {
      const result = expectHandled(await runCli(args, scratch.dir), statuses, label);
      return [...checkTerminal(`${label} stdout`, result.stdout), ...checkTerminal(`${label} stderr`, result.stderr)];
    });
  }
});
