// One small original page per heuristic: each rule on its own, so a failing rule names itself.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeHtml } from './decode.js';
import { extractArticle, MAX_HTML_CHARS, WARNING_EMPTY, WARNING_NO_BODY } from './index.js';
import { isAuthorBio, isCreditLine, isMetaLine, isPromoLine, isSmallPrint } from './cleanup.js';
import { detectLanguage } from './lang.js';
import { blocksToMarkdown } from './markdown.js';
import { isRecirculationHeading } from './recirculation.js';

const BODY = [
  'The Quillon county fair opened on Friday with a record 212 entries in the heavy-horse class, organisers said.',
  'Judges from three provinces will choose the champion on Sunday afternoon in the main ring beside the river.',
  'Entry to the grounds is free for children under twelve, and the shuttle bus runs from the station every half hour.',
];
const page = (inner: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><title>Fair Opens | Quillon Crier</title>${head}</head><body><nav><a href="/">Home</a></nav><article>${inner}</article><footer>© Quillon Crier</footer></body></html>`;
const paragraphs = (list = BODY): string => list.map((p) => `<p>${p}</p>`).join('');

describe('boilerplate marked by class or id', () => {
  it('drops a newsletter box but keeps a long block whose class merely mentions it', () => {
    const long = 'x '.repeat(800);
    const result = extractArticle(page(`${paragraphs()}<div class="c-newsletter"><p>Get the Crier in your inbox every morning, free of charge.</p></div><div class="share-friendly"><p>${BODY[0]} ${long}</p></div>`));
    expect(result.text).not.toContain('inbox');
    expect(result.text).toContain('x x x');
  });
  it('matches whole words only: "shareholders" is not a share bar', () => {
    const result = extractArticle(page(`${paragraphs()}<div class="shareholders-note"><p>The fair's shareholders voted to keep prices the same as last year for all visitors.</p></div>`));
    expect(result.text).toContain('shareholders voted');
  });
  it('keeps a marked block that holds the byline, so the byline is still found', () => {
    const result = extractArticle(page(`<div class="share-header"><span class="byline">By Ada Brisk</span></div>${paragraphs()}`));
    expect(result.byline).toEqual(['Ada Brisk']);
  });
  it('keeps a link in a heading or a sentence whatever its class says; drops a marked link standing alone', () => {
    const result = extractArticle(
      page(`${paragraphs(BODY.slice(0, 1))}<h2><a class="toc-backref" href="#toc">Judging the heavy horses</a><a class="headerlink" href="#judging">¶</a></h2><p>${BODY[1]} Tickets are sold at the <a class="related-link" href="/gate">north gate</a> only.</p><div><a class="print" href="/print">Print this page</a></div>${paragraphs(BODY.slice(2))}`),
    );
    expect(result.text).toContain('Judging the heavy horses');
    expect(result.text).toContain('sold at the north gate only.');
    expect(result.text).not.toContain('Print this page');
  });
  it('drops figcaptions and dialogs', () => {
    const result = extractArticle(page(`${paragraphs()}<figure><img src="a.jpg"><figcaption>Horses at dawn.</figcaption></figure><div role="dialog"><p>Allow notifications from the Crier?</p></div>`));
    expect(result.text).not.toMatch(/Horses at dawn|notifications/);
  });
});

describe('line rules after Readability', () => {
  it('promo lines are short and start with a promo phrase', () => {
    expect(isPromoLine('Read more: Fair prices frozen')).toBe(true);
    expect(isPromoLine('Sign up for our newsletter.')).toBe(true);
    expect(isPromoLine('Subscribers to the fair’s programme will get a discount on the shuttle this year, the organisers said on Friday in a statement.')).toBe(false);
  });
  it('credit lines name a photo, image or credit source with a colon, slash or "by"', () => {
    expect(isCreditLine('Photo: Ada Brisk/Quillon Crier')).toBe(true);
    expect(isCreditLine('(Photo by Ada Brisk)')).toBe(true);
    expect(isCreditLine('Pictures of the fair show crowds at the gates.')).toBe(false);
  });
  it('an author bio starts with the author name and a verb like "is" or "covers"', () => {
    expect(isAuthorBio('Ada Brisk covers farming for the Crier.', ['Ada Brisk'])).toBe(true);
    expect(isAuthorBio('Ada Brisk said the fair would open early.', ['Ada Brisk'])).toBe(false);
  });
  it('drops a leading headline, "By" line and dateline, and takes the byline from it', () => {
    const result = extractArticle(page(`<h1>Fair Opens</h1><p>By Ada Brisk and Tom Reeve</p><p>June 3, 2026</p>${paragraphs()}`));
    expect(result.text.split('\n\n')).toEqual(BODY);
    expect(result.byline).toEqual(['Ada Brisk', 'Tom Reeve']);
  });
  it('drops headings that end the body, whatever their language: what they named is gone', () => {
    // The links under each heading are removed as navigation; the headings stay behind with nothing to head.
    const result = extractArticle(page(`${paragraphs()}<h3>Weitere Beiträge von der Messe</h3><h4>Lo más visto en Quillon</h4>`));
    expect(result.text.split('\n\n')).toEqual(BODY);
  });
  it('keeps a heading with text after it, a closing heading written as a sentence, and a body made of headings', () => {
    const closing = 'The gates open again on Saturday at nine.';
    const kept = extractArticle(page(`${paragraphs(BODY.slice(0, 2))}<h2>Getting there</h2>${paragraphs(BODY.slice(2))}<h3>${closing}</h3>`));
    expect(kept.text.split('\n\n')).toEqual([...BODY.slice(0, 2), 'Getting there', BODY[2], closing]);
    const poster = ['Draw a poster for the Quillon fair', 'Theme: horses of the river valley', 'Send it to the Crier by the third of May'];
    const headings = extractArticle(page(poster.map((h) => `<h2>${h}</h2>`).join('')));
    expect(headings.text.split('\n\n')).toEqual(poster);
  });
  it('does not take "Test Case 1" for a date', () => {
    const result = extractArticle(page(`<h2>Test Case 1</h2>${paragraphs()}`));
    expect(result.text.startsWith('Test Case 1')).toBe(true);
  });
});

describe('metadata order', () => {
  const ld = (o: object): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
  it('JSON-LD beats OpenGraph, which beats Twitter cards', () => {
    const head = `<meta property="og:title" content="OG title"><meta name="twitter:title" content="Twitter title">${ld({ '@type': 'NewsArticle', headline: 'LD title', author: { name: 'Ada Brisk' } })}`;
    expect(extractArticle(page(paragraphs(), head)).title).toBe('LD title');
    expect(extractArticle(page(paragraphs(), head.replace(/<script.*<\/script>/, ''))).title).toBe('OG title');
  });
  it('Dublin Core title: the property form beats the name form, and both beat OpenGraph', () => {
    const head = '<meta name="og:title" content="OG"><meta name="DC.title" content="DC name"><meta property="dc:title" content="DC property">';
    expect(extractArticle(page(paragraphs(), head)).title).toBe('DC property');
  });
  it('without title metadata, the <title> loses its " – Site" suffix', () => {
    const html = `<html><head><title>Fair Opens Early – Quillon Crier</title></head><body><article>${paragraphs()}</article></body></html>`;
    expect(extractArticle(html).title).toBe('Fair Opens Early');
  });
  it('an OpenGraph article:author URL is not a name', () => {
    const result = extractArticle(page(paragraphs(), '<meta property="article:author" content="https://social.example/ada">'));
    expect(result.byline).toEqual([]);
  });
  it('reads modified, section, description and image, dates in UTC', () => {
    const head = ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'ReportageNewsArticle', headline: 'H', dateModified: '2026-06-03T12:00:00+02:00', articleSection: ['Farming', 'Local'], description: 'Record entries.', image: { url: '/fair.jpg' } }] });
    const result = extractArticle(page(paragraphs(), head), 'https://crier.example/fair');
    expect(result).toMatchObject({ modified: '2026-06-03T10:00:00.000Z', section: 'Farming', description: 'Record entries.', image: 'https://crier.example/fair.jpg' });
  });
  it('reads JSON-LD wrapped in a CDATA section or an HTML comment', () => {
    const json = JSON.stringify({ '@type': 'NewsArticle', headline: 'Fair Opens With Record Entries', datePublished: '2026-06-01T08:15:30.250Z', publisher: { name: 'Quillon Crier' } });
    const og = '<meta property="og:title" content="Fair opens"><meta property="article:published_time" content="2026-06-01T08:15:30Z"><meta property="og:site_name" content="Crier.example">';
    for (const wrapped of [`<![CDATA[\n${json}\n]]>`, `<!--\n${json}\n-->`]) {
      const result = extractArticle(page(paragraphs(), `${og}<script type="application/ld+json">${wrapped}</script>`));
      expect(result).toMatchObject({ title: 'Fair Opens With Record Entries', published: '2026-06-01T08:15:30.250Z', siteName: 'Quillon Crier' });
      expect(result.warnings.join(' ')).not.toContain('JSON-LD');
    }
  });
  it('falls back to JSON-LD articleBody when the page body is much shorter', () => {
    const head = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: BODY.join('\n') })}</script>`;
    const result = extractArticle(page('<p>Loading…</p>', head));
    expect(result.text.split('\n\n')).toEqual(BODY);
  });
});

describe('language, encodings and bad input', () => {
  it('detects the language of an undeclared page and maps it to ISO 639-1', () => {
    expect(detectLanguage('Die Feuerwehr von Ahlbeck hat am Montag ein neues Löschfahrzeug bekommen, das die Gemeinde seit Jahren geplant hatte.')).toBe('de');
    expect(detectLanguage('Too short.')).toBeUndefined();
  });
  it('decodes by BOM, by <meta charset> and, undeclared, as windows-1252 when not UTF-8', () => {
    expect(decodeHtml(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('<p>café</p>')])).html).toBe('<p>café</p>');
    expect(decodeHtml(iconv.encode('<meta charset="iso-8859-1"><p>café</p>', 'latin1')).html).toContain('café');
    expect(decodeHtml(iconv.encode('<meta charset="shift_jis"><p>新聞</p>', 'shift_jis')).html).toContain('新聞');
    const undeclared = decodeHtml(iconv.encode('<p>café</p>', 'windows-1252'));
    expect(undeclared.html).toBe('<p>café</p>');
    expect(undeclared.warnings[0]).toMatch(/windows-1252/);
    expect(decodeHtml(Buffer.from('<p>café</p>'), 'text/html; charset=utf-8').html).toBe('<p>café</p>');
  });
  it('returns no body and a warning for empty input and for a page with no article', () => {
    expect(extractArticle('  ').warnings).toEqual(expect.arrayContaining([WARNING_EMPTY, WARNING_NO_BODY]));
    const index = extractArticle('<html><body><ul><li><a href="/a">Fair opens</a></li><li><a href="/b">Roads close</a></li></ul></body></html>');
    expect(index.text).toBe('');
    expect(index.warnings).toContain(WARNING_NO_BODY);
  });
  it('caps huge input with a warning', () => {
    const huge = page(paragraphs()) + `<!--${'x'.repeat(MAX_HTML_CHARS)}-->`;
    const result = extractArticle(huge);
    expect(result.warnings.some((w) => /only the first/.test(w))).toBe(true);
    expect(result.text).toContain(BODY[0]);
  });
  it('survives a DOM nested 20,000 levels deep', () => {
    const depth = 20_000;
    const deep = `<html><body>${'<div>'.repeat(depth)}${paragraphs()}${'</div>'.repeat(depth)}</body></html>`;
    const result = extractArticle(deep);
    expect(result.text.split('\n\n')).toEqual(BODY);
    expect(result.warnings.some((w) => /\d+ levels deep; structure below level/.test(w))).toBe(true);
  });
});

describe('markdown', () => {
  it('keeps headings, list items and quotes, and escapes leading syntax in paragraphs', () => {
    const md = blocksToMarkdown([
      { text: 'Gates', tag: 'h2', quoteDepth: 0 },
      { text: 'North gate', tag: 'li', quoteDepth: 0, list: 'ol' },
      { text: 'South gate', tag: 'li', quoteDepth: 0, list: 'ol' },
      { text: 'It was busy.', tag: 'p', quoteDepth: 1 },
      { text: '1. not a list', tag: 'p', quoteDepth: 0 },
    ]);
    expect(md).toBe('## Gates\n\n1. North gate\n\n2. South gate\n\n> It was busy.\n\n1\\. not a list');
  });
});

describe('promoted, sponsored and recirculation blocks', () => {
  it('knows the headings such blocks give themselves, in several languages, and not sentences', () => {
    for (const heading of ['Promoted stories', 'Sponsored', 'Recommended for you', 'More from the Quillon Crier', 'Read next:', 'Auch interessant', 'Das könnte Sie auch interessieren', 'À lire aussi', 'Czytaj także', '- Anzeige -']) {
      expect(isRecirculationHeading(heading), heading).toBe(true);
    }
    for (const line of ['More from our correspondents in the field who have been following the fair all week', 'Recommended dosage', 'Sponsors of the fair thanked the judges.']) {
      expect(isRecirculationHeading(line), line).toBe(false);
    }
  });
  it('cuts a self-named block that closes the body, and keeps a subhead of that shape followed by prose', () => {
    const closing = extractArticle(page(`${paragraphs()}<h3>You may also like</h3><p><a href="/x">Horse show moves to the river meadow</a></p><p>Sheep shearing contest draws record crowd from three valleys</p>`));
    expect(closing.text.split('\n\n')).toEqual(BODY);
    const subhead = extractArticle(page(`${paragraphs(BODY.slice(0, 2))}<h2>More from the judges</h2>${paragraphs(BODY.slice(2))}<p>${BODY[0]}</p><p>${BODY[1]}</p>`));
    expect(subhead.text).toContain('More from the judges');
  });
  it('drops a link list that names itself in loose text inside the list, and the story goes on', () => {
    const list = '<ul class="links"><span>Artikel und Videos zum Thema</span><li><a href="/a">Fair parking fees rise</a></li><li><a href="/b">Bakers prepare for the pie contest</a></li></ul>';
    const result = extractArticle(page(`${paragraphs(BODY.slice(0, 2))}<div>${list}</div>${paragraphs(BODY.slice(2))}`));
    expect(result.text.split('\n\n')).toEqual(BODY);
  });
  it('drops a link list after a recirculation heading in the middle of the body, and the story goes on', () => {
    const result = extractArticle(page(`${paragraphs(BODY.slice(0, 1))}<h4>Related stories</h4><ul><li><a href="/a">Fair parking fees rise</a></li><li><a href="/b">Bakers prepare for the pie contest</a></li></ul>${paragraphs(BODY.slice(1))}`));
    expect(result.text.split('\n\n')).toEqual(BODY);
  });
});

describe('markdown links', () => {
  it('writes links as [text](url), escapes brackets in the text, and keeps the text output plain', () => {
    const result = extractArticle(page(`<p>${BODY[0]} See the <a href="https://quillon.example/fair (map)">fair map</a> [PDF].</p>${paragraphs(BODY.slice(1))}`));
    expect(result.markdown).toContain('See the [fair map](https://quillon.example/fair%20%28map%29) \\[PDF\\].');
    expect(result.text).toContain('See the fair map [PDF].');
  });
});

describe('small print and labelled dates', () => {
  it('knows copyright lines, PHP messages and numbered figure captions, in several languages, and not sentences that mention them', () => {
    for (const line of [
      '© 2026 Quillon Crier',
      'Copyright 2026 Quillon Crier Ltd.',
      '(c) 2025 Kornfeld Verlag',
      'Alle Rechte vorbehalten.',
      'Tous droits réservés — Le Héraut de Vassy',
      'Warning: Creating default object from empty value in /srv/www/site/classes.php on line 407',
      'Deprecated: preg_replace(): The /e modifier is deprecated in /srv/www/site/formatting.php on line 82',
      'Abbildung 4: klassische Schwachschicht. Der Unterschied in der Kornform ist klar ersichtlich.',
      'Fig. 2 – The dam at low water, seen from the east bank.',
    ]) expect(isSmallPrint(line), line).toBe(true);
    for (const line of [
      'Copyright law changed in 1998, the judge said, and the fair cannot claim the name.',
      'The warning came too late for the stallholders on line 4 of the market.',
      'Figures from the fair office show 212 entries.',
    ]) expect(isSmallPrint(line), line).toBe(false);
  });
  it('knows a labelled publication date, and not a sentence that starts with the word', () => {
    for (const line of ['Publiziert: 03.04.2026, 12:35', 'News date : 04/21/2026 Category : Press Releases', 'Fecha: 12 de enero de 2026', 'Published: 12 January 2026']) expect(isMetaLine(line), line).toBe(true);
    expect(isMetaLine('Published accounts show the fair made a profit.')).toBe(false);
    expect(isMetaLine('Date night at the fair drew 300 couples.')).toBe(false);
  });
});

describe('paywall prompts printed as paragraphs', () => {
  it('drops them whole, in several languages, and keeps story sentences about subscribers', () => {
    for (const line of [
      'If you’re seeing this message but you’re already a subscriber, you can log in for immediate access to this story.',
      'First-time subscribers also receive a tote bag printed at the Quillon Crier works!',
      'Sie sind bereits Abonnent? Dann melden Sie sich hier an, um den Artikel weiterzulesen.',
      'Vous êtes déjà abonné ? Connectez-vous pour lire la suite de cet article.',
      '¿Ya eres suscriptor? Inicia sesión para seguir leyendo.',
    ]) expect(isPromoLine(line), line).toBe(true);
    for (const line of ['The Crier lost 400 subscribers last year, its editor said.', 'Subscribers to the fair’s newsletter will get tickets a week early.']) expect(isPromoLine(line), line).toBe(false);
    const result = extractArticle(page(`${paragraphs()}<p>If you’re seeing this message but you’re already a subscriber, you can log in for immediate access to this story.</p>`));
    expect(result.text.split('\n\n')).toEqual(BODY);
  });
});
