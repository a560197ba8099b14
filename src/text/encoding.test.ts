import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from './encoding.js';

const xml = (encoding: string, body: string): string => `<?xml version="1.0" encoding="${encoding}"?><title>${body}</title>`;

describe('decodeDocument', () => {
  it('follows the XML declaration', () => {
    const bytes = iconv.encode(xml('koi8-r', 'Новости Заречья'), 'koi8-r');
    const decoded = decodeDocument(bytes);
    expect(decoded.encoding).toBe('koi8-r');
    expect(decoded.text).toContain('Новости Заречья');
  });

  it('lets the HTTP charset win over the declaration', () => {
    const bytes = iconv.encode(xml('utf-8', 'Café Brûlé'), 'iso-8859-15');
    expect(decodeDocument(bytes, 'text/xml; charset=ISO-8859-15').text).toContain('Café Brûlé');
  });

  it('reads iso-8859-1 as windows-1252, so curly quotes survive', () => {
    const bytes = iconv.encode(xml('iso-8859-1', '“Quayside” – news'), 'windows-1252');
    const decoded = decodeDocument(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('“Quayside” – news');
  });

  it('reads UTF-8 declared as latin-1 as UTF-8, and says so', () => {
    const decoded = decodeDocument(Buffer.from(xml('ISO-8859-1', 'Zoë’s café')));
    expect(decoded.text).toContain('Zoë’s café');
    expect(decoded.warnings[0]).toMatch(/bytes are UTF-8/);
  });

  it('falls back to windows-1252 when bytes declared UTF-8 are not', () => {
    const decoded = decodeDocument(iconv.encode(xml('utf-8', 'Marché'), 'windows-1252'));
    expect(decoded.text).toContain('Marché');
    expect(decoded.warnings).toHaveLength(1);
  });

  it('honours byte-order marks, UTF-16 included', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml('utf-16', 'Ærø Tidende'), 'utf16le')]);
    expect(decodeDocument(utf16).text.startsWith('<?xml')).toBe(true);
    expect(decodeDocument(utf16).text).toContain('Ærø Tidende');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml('iso-8859-1', 'Ærø'))]);
    expect(decodeDocument(utf8).text).toContain('Ærø');
  });

  it('guesses UTF-8 or windows-1252 when nothing is declared', () => {
    expect(decodeDocument(Buffer.from('<rss>Søndag</rss>')).text).toBe('<rss>Søndag</rss>');
    expect(decodeDocument(iconv.encode('<rss>Søndag</rss>', 'windows-1252')).text).toBe('<rss>Søndag</rss>');
    // Too little text for the detector to be sure of anything: windows-1252, not its noisy guess.
    for (const short of ['<rss>Ærø</rss>', '<rss>© 2025 Quayside</rss>', '<rss>naïve</rss>']) {
      expect(decodeDocument(iconv.encode(short, 'windows-1252'))).toMatchObject({ text: short, encoding: 'windows-1252' });
    }
  });

  it('detects an undeclared legacy charset from the bytes, and says it guessed', () => {
    const russian = '<rss><title>Новости Заречья: в субботу на набережной откроется осенняя ярмарка ремёсел</title></rss>';
    const koi8 = decodeDocument(iconv.encode(russian, 'koi8-r'));
    expect(koi8.encoding).toBe('koi8-r');
    expect(koi8.text).toBe(russian);
    expect(koi8.warnings[0]).toMatch(/no charset declared.*koi8-r/);
    const japanese = '<rss><title>港町ニュース：土曜日に川沿いの市場で秋祭りが開かれます。皆さんのお越しをお待ちしています。</title></rss>';
    const eucjp = decodeDocument(iconv.encode(japanese, 'euc-jp'));
    expect(eucjp.encoding).toBe('euc-jp');
    expect(eucjp.text).toBe(japanese);
  });

  it('names the standard charset when the detected vendor superset reads the bytes the same', () => {
    const japanese = '<rss><title>港町ニュース：土曜日に川沿いの市場で秋祭りが開かれます。皆さんのお越しをお待ちしています。</title></rss>';
    const sjis = decodeDocument(iconv.encode(japanese, 'shift_jis'));
    expect(sjis.encoding).toBe('shift_jis');
    expect(sjis.text).toBe(japanese);
  });
});
