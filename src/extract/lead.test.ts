// What follows the headline: which heading is the headline, which block its lead, which paragraph the
// story's first. Small original pages, one rule each.
import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { readHeadline } from './lead.js';
import { readMetadata } from './metadata.js';

const STORY =
  'The Harrowby ferry will run every twenty minutes from Monday, the port authority said, after the second boat returned from its refit at the Callis yard.';
const page = (body: string, head = ''): string => `<!doctype html><html><head><title>Ferry timetable doubles | Harrowby Post</title>${head}</head><body>${body}</body></html>`;

describe('readHeadline', () => {
  it('takes the heading that shares most of the title’s words for the headline, not the site’s name in the first <h1>', () => {
    const document = parseDocument(
      page(`<h1>Harrowby Post</h1><p>${STORY.replace('ferry', 'bus')} Local news for the whole bay, every morning.</p><article><h2>Harrowby ferry timetable doubles from Monday</h2><p>${STORY}</p></article>`),
    );
    const anchor = readHeadline(document, 'Ferry timetable doubles from Monday');
    expect(anchor.headline?.textContent).toBe('Harrowby ferry timetable doubles from Monday');
    expect(anchor.firstParagraph?.textContent).toBe(STORY);
  });

  it('falls back to the first <h1> when no heading shares half the title’s words', () => {
    const document = parseDocument(page(`<h1>Harrowby Post</h1><h2>Weather</h2><p>${STORY}</p>`));
    expect(readHeadline(document, 'Ferry timetable doubles from Monday').headline?.textContent).toBe('Harrowby Post');
  });

  it('never takes a photo caption for the lead or the first paragraph', () => {
    const caption = 'The second ferry, the Callis Star, leaves the refit yard on Thursday morning with a new coat of paint and two new engines fitted over the winter.';
    const document = parseDocument(page(`<h1>Ferry timetable doubles</h1><figure><img src="a.jpg"><figcaption><p>${caption}</p></figcaption></figure><p>${STORY}</p>`));
    const anchor = readHeadline(document, 'Ferry timetable doubles');
    expect(anchor.lead).toBeUndefined();
    expect(anchor.firstParagraph?.textContent).toBe(STORY);
  });

  it('finds the lead whose start is the page’s description, cut short with an ellipsis', () => {
    const lead = `${STORY} Passengers will no longer have to book the early crossings in advance.`;
    const description = `${lead.slice(0, 120)}…`;
    const document = parseDocument(page(`<h1>Ferry timetable doubles</h1><h2 class="hero-teaser">${lead}</h2><div><p>Second paragraph of the story, long enough to be a paragraph of the story and not a kicker or a date line.</p></div>`));
    expect(readHeadline(document, 'Ferry timetable doubles', description).lead).toBe(lead);
    expect(readHeadline(document, 'Ferry timetable doubles', `${lead.slice(0, 40)}…`).lead).toBeUndefined();
  });
});

describe('the description', () => {
  it('is read as text when the page put its lead’s markup in it', () => {
    const document = parseDocument(page('<p>x</p>', `<meta property="og:description" content="&lt;p&gt;${STORY}&lt;/p&gt;">`));
    expect(readMetadata(document).description).toBe(STORY);
  });
});
