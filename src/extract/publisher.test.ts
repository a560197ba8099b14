import { describe, expect, it } from 'vitest';
import { publisherNameOfFeed, publisherSlug, slugifyPublisherName } from './publisher.js';

describe('publisherSlug', () => {
  it.each([
    ['https://www.nytimes.com/2025/09/03/world/x.html', 'nytimes'],
    ['https://bbc.co.uk', 'bbc'],
    ['https://www.bbc.co.uk/news/world', 'bbc'],
    ['https://news.example-times.com.au/2025/06/tram', 'example-times'],
    ['news.northwindtimes.com', 'northwindtimes'],
    ['HTTPS://WWW.HarborGazette.ORG/Stories', 'harborgazette'],
  ])('%s → %s', (url, slug) => {
    expect(publisherSlug(url)).toBe(slug);
  });

  it('is undefined when there is no registrable domain', () => {
    expect(publisherSlug('http://192.168.1.20/feed')).toBeUndefined();
    expect(publisherSlug('')).toBeUndefined();
  });
});

describe('slugifyPublisherName', () => {
  it.each([
    ['New York Times', 'new-york-times'],
    ['  Le Monde Diplomatique ', 'le-monde-diplomatique'],
    ['Süddeutsche Zeitung', 'suddeutsche-zeitung'],
    ['Harbor Gazette — Evening Edition!', 'harbor-gazette-evening-edition'],
    ['Ars/Technica & Co.', 'ars-technica-co'],
  ])('%s → %s', (name, slug) => {
    expect(slugifyPublisherName(name)).toBe(slug);
  });

  it('is empty when nothing ASCII remains', () => {
    expect(slugifyPublisherName('—')).toBe('');
  });
});

describe('publisherNameOfFeed', () => {
  it.each([
    ['Harbor Gazette — News', 'Harbor Gazette'],
    ['Meridian Wire: Latest', 'Meridian Wire'],
    ['Valley Ledger | Top Stories', 'Valley Ledger'],
    ['Tidewater Post - Front page.', 'Tidewater Post'],
    ['Der Kurier: Mit Karte — Nachrichten', 'Der Kurier: Mit Karte'],
    ['Gazzetta di Lunaro » Ultime notizie', 'Gazzetta di Lunaro'],
  ])('%s → %s', (title, name) => {
    expect(publisherNameOfFeed(title)).toBe(name);
  });

  it('keeps a title whose last part names a section, or that has no separate part', () => {
    expect(publisherNameOfFeed('Harbor Gazette — Sport')).toBe('Harbor Gazette — Sport');
    expect(publisherNameOfFeed('Newsroom-Latest')).toBe('Newsroom-Latest');
    expect(publisherNameOfFeed(' Island Wire ')).toBe('Island Wire');
    expect(publisherNameOfFeed('News')).toBe('News');
  });
});
