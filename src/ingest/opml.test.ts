import { describe, expect, it } from 'vitest';
import { opmlFeedUrls, opmlOutlines, writeOpml } from './opml.js';

describe('OPML export', () => {
  it('writes folders as nested outlines that read back the same, with attributes escaped', () => {
    const outlines = [
      { text: 'Tollbridge Tribune', xmlUrl: 'https://tollbridge.example/feed?a=1&b=2', htmlUrl: 'https://tollbridge.example/', children: [] },
      { text: 'Coast "Desk" <north>', children: [{ text: 'Sandhaven Star', xmlUrl: 'https://sandhaven.example/atom.xml', children: [] }] },
    ];
    const opml = writeOpml('Town desk', outlines, '2026-11-23T09:00:00Z');
    expect(opml).toContain('<dateCreated>Mon, 23 Nov 2026 09:00:00 GMT</dateCreated>');
    expect(opmlOutlines(opml)).toEqual(outlines);
    expect(opmlFeedUrls(opml)).toEqual(['https://tollbridge.example/feed?a=1&b=2', 'https://sandhaven.example/atom.xml']);
  });
});
