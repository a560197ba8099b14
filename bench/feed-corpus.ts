// Synthetic feeds for the feed benchmarks: RSS 2.0 and Atom in turn, with HTML content of newspaper
// length. Deterministic (a seeded generator), so two runs measure the same bytes.

const WORDS = 'harbor council ferry market bridge library school tide river mayor budget vote storm road rail museum festival clinic bakery square'.split(' ');

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function paragraph(random: () => number): string {
  const words = Array.from({ length: 40 + Math.floor(random() * 40) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  return `<p>${words.join(' ')} &amp; <a href="/more/${Math.floor(random() * 1e6)}">more</a>.</p>`;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function syntheticFeed(index: number, items: number): string {
  const random = rng(index + 1);
  const host = `https://www.town${index}.example`;
  const entries = Array.from({ length: items }, (_, i) => {
    const body = Array.from({ length: 4 }, () => paragraph(random)).join('');
    const date = new Date(Date.UTC(2026, 10, 1 + (i % 28), i % 24, 0, 0));
    const title = `Town ${index} story ${i}: ${WORDS[i % WORDS.length]} news`;
    return index % 2 === 0
      ? `<item><title>${title}</title><link>${host}/${i}.html</link><guid>${host}/${i}</guid><pubDate>${date.toUTCString()}</pubDate>` +
          `<dc:creator>Reporter ${i % 7}</dc:creator><description>${xmlEscape(paragraph(random))}</description><content:encoded><![CDATA[${body}]]></content:encoded></item>`
      : `<entry><id>tag:town${index}.example,2026:${i}</id><title>${title}</title><link href="${host}/${i}.html"/><published>${date.toISOString()}</published>` +
          `<author><name>Reporter ${i % 7}</name></author><content type="html">${xmlEscape(body)}</content></entry>`;
  }).join('\n');
  return index % 2 === 0
    ? `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Town ${index} Gazette</title><link>${host}/</link>\n${entries}</channel></rss>`
    : `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Town ${index} Gazette</title><link href="${host}/"/>\n${entries}</feed>`;
}
