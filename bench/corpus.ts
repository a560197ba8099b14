// Deterministic synthetic news for benchmarks: stories with their own names and vocabulary, told by
// several fictional publishers in different words, plus syndicated copies with the footer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Articles per story on average: enough to exercise clustering and dedupe at every size. */
const ARTICLES_PER_STORY = 5;
/** Share of articles written as syndicated copies of another article. */
const COPY_SHARE = 0.1;
const PARAGRAPHS = 8;
const SENTENCES_PER_PARAGRAPH = 3;

const PUBLISHERS = ['Harbor Gazette', 'Valley Ledger', 'Northwind Times', 'Meridian Wire', 'Pinecrest Herald', 'Coastal Post', 'Lakeshore Dispatch', 'Island Wire'];
const FIRST = ['Irene', 'Omar', 'Lena', 'Tomas', 'Priya', 'Jonah', 'Marta', 'Kofi', 'Ana', 'Felix', 'Rosa', 'Dmitri'];
const LAST = ['Vasko', 'Castell', 'Ortiz', 'Lind', 'Abadi', 'Mercer', 'Okafor', 'Talley', 'Brandt', 'Sato', 'Quinn', 'Haddad'];
const PLACES = ['Port Halley', 'Gull Island', 'Pinecrest', 'Northwind', 'Alder Falls', 'Marrow Bay', 'Stonebridge', 'Kestrel Point'];
const NOUNS = ['council', 'ferry', 'bridge', 'hospital', 'school board', 'mill', 'harbor', 'library', 'water plant', 'rail line', 'budget', 'storm', 'clinic', 'stadium', 'market', 'dam'];
const VERBS = ['approved', 'delayed', 'rejected', 'funded', 'expanded', 'closed', 'reopened', 'reviewed', 'questioned', 'defended'];
/** Syllables per invented name: 16^4 names, so two stories rarely share one by chance. */
const NAME_SYLLABLES = 4;
const SYLLABLES = ['ka', 'lo', 'mir', 'ten', 'vas', 'dor', 'bel', 'quin', 'ros', 'tal', 'ner', 'fen', 'gal', 'hob', 'jun', 'pra'];
const FILLER = ['officials', 'residents', 'the plan', 'the vote', 'the report', 'the agency', 'critics', 'supporters', 'the city', 'the state', 'local businesses', 'commuters'];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticCorpus {
  dir: string;
  files: number;
  bytes: number;
}

/** One generated article: plain text in the text-article format (headline first, optional footer last). */
export interface SyntheticArticle {
  index: number;
  text: string;
  /** UTC ISO time: stories are spread over SPAN_DAYS, each article within hours of its story's start. */
  published: string;
  publisher: string;
}

/** Days the stories of a corpus are spread over, so that time proximity matters as it does in a real archive. */
const SPAN_DAYS = 60;
const BASE_TIME = Date.parse('2026-09-01T00:00:00Z');

/**
 * Originals a copy may be taken from: the most recent ones, as syndication follows publication within
 * hours; it also keeps the generator's memory flat however many articles it yields.
 */
const RECENT_ORIGINALS = 500;

/**
 * Generates `count` articles in memory, deterministically for a seed; `paragraphs` sets their length and
 * `quotes` the quotation marks (typographic by default; plain-text wire copy often uses ASCII ones, and a
 * string with only Latin-1 characters takes half the memory in V8).
 */
export function* syntheticArticles(count: number, seed = 42, paragraphs = PARAGRAPHS, quotes: readonly [string, string] = ['“', '”']): Generator<SyntheticArticle> {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const stories = Math.max(1, Math.round(count / ARTICLES_PER_STORY));
  const bodies: Array<{ title: string; body: string; publisher: string; time: number }> = [];
  for (let i = 0; i < count; i++) {
    let title: string;
    let body: string;
    let time: number;
    let publisher = PUBLISHERS[i % PUBLISHERS.length]!;
    const original = bodies.length > 0 && random() < COPY_SHARE ? pick(bodies) : undefined;
    if (original) {
      ({ title, body } = original);
      body = `${body}\n\nThe post ${title} appeared first on ${original.publisher}.`;
      publisher = 'Syndicate';
      time = original.time + 3_600_000;
    } else {
      const story = Math.floor(random() * stories);
      time = BASE_TIME + Math.floor((story / stories) * SPAN_DAYS * 86_400_000) + Math.floor(random() * 36) * 3_600_000;
      const local = prng(story + 1);
      const localPick = <T>(list: readonly T[]): T => list[Math.floor(local() * list.length)]!;
      // Every real event has names of its own (people, companies, places): three invented words per story.
      const name = (): string => {
        const word = Array.from({ length: NAME_SYLLABLES }, () => localPick(SYLLABLES)).join('');
        return word[0]!.toUpperCase() + word.slice(1);
      };
      const person = `${localPick(FIRST)} ${name()}`;
      const place = `${localPick(PLACES)} ${name()}`;
      const noun = localPick(NOUNS);
      const code = `the ${name()} project`;
      title = `${place} ${noun} ${pick(VERBS)} in ${code} ${pick(['vote', 'review', 'decision', 'hearing'])}`;
      const written: string[] = [];
      for (let p = 0; p < paragraphs; p++) {
        const sentences: string[] = [];
        for (let s = 0; s < SENTENCES_PER_PARAGRAPH; s++) {
          const n = Math.floor(random() * 90) + 2;
          sentences.push(
            random() < 0.2
              ? `${quotes[0]}The ${noun} in ${place} matters to ${pick(FILLER)},${quotes[1]} said ${person}, who leads ${code}.`
              : `In ${place}, ${pick(FILLER)} said the ${noun} was ${pick(VERBS)} after ${n} days, and Mr. ${person.split(' ')[1]} said ${pick(FILLER)} ${pick(VERBS)} ${code} by ${n}.${Math.floor(random() * 10)} percent.`,
          );
        }
        written.push(sentences.join(' '));
      }
      body = written.join('\n\n');
      bodies.push({ title, body, publisher, time });
      if (bodies.length > RECENT_ORIGINALS) bodies.shift();
    }
    yield { index: i, text: `${title}\n\n${body}\n`, published: new Date(time).toISOString(), publisher };
  }
}

/** Writes `count` plain-text articles under `dir` and returns what it wrote. */
export function writeSyntheticCorpus(dir: string, count: number, seed = 42): SyntheticCorpus {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const { index, text } of syntheticArticles(count, seed)) {
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `${String(index).padStart(6, '0')}.txt`), text);
  }
  return { dir, files: count, bytes };
}
