import { afterEach, describe, expect, it } from 'vitest';
import { CLUSTER_PROGRESS_EVERY, clusterIncremental, clusterInSteps, clusterStories, STORIES_PER_STEP } from './index.js';
import { names } from './vectors.js';
import { openSqliteStore, runCommit, type Store } from '../store/index.js';
import { makeArticle } from '../../test/helpers/articles.js';
import type { ContinuedStory, Story } from '../model.js';

const crane = [
  makeArticle({ id: 'c1', publisher: 'harborgazette', published: '2026-11-21T09:00:00Z', title: 'Crane collapses at Terminal 3 in Port Halley',
    text: 'Crane No. 7 collapsed at Terminal 3 in Port Halley on Saturday, injuring two workers. Harbor master Odette Rainer closed the terminal.' }),
  makeArticle({ id: 'c2', publisher: 'valleyledger', published: '2026-11-21T15:00:00Z', title: 'Two hurt as Terminal 3 crane falls',
    text: 'Two dockworkers were hurt when Crane No. 7 fell at Terminal 3, Port Halley harbor master Odette Rainer said. The terminal is closed.' }),
];
const followUp = makeArticle({ id: 'c3', publisher: 'coastalpost', published: '2026-11-22T10:00:00Z', title: 'Union demands crane inspections after Terminal 3 collapse',
  text: 'The dockworkers union demanded inspections of every crane after Crane No. 7 collapsed at Terminal 3. Odette Rainer said the terminal would stay closed.' });
const weekLater = { ...followUp, id: 'c4', published: '2026-12-05T10:00:00Z' };

describe('names', () => {
  it('reads multi-word capitalized names and leaves sentence-initial words alone', () => {
    expect(names('Harbor master Odette Rainer closed the Museum of Art. Crews from Port Halley came.')).toEqual(['odette rainer', 'museum of art', 'port halley']);
  });
});

describe('centroid assignment', () => {
  it('does not chain two events through one article that mentions both', () => {
    const bikes = makeArticle({ id: 'v1', published: '2026-11-17T20:00:00Z', title: 'Council approves Dune Street bike lanes',
      text: 'Port Halley council voted 4-3 for protected bike lanes on Dune Street, removing 86 parking spaces near Lantern Square.' });
    const bikes2 = makeArticle({ id: 'v2', publisher: 'coastalpost', published: '2026-11-18T08:00:00Z', title: 'Dune Street cycle lanes win narrow vote',
      text: 'Protected cycle lanes are coming to Dune Street after a 4-3 vote; 86 parking spaces near Lantern Square will go.' });
    const fees = makeArticle({ id: 'f1', published: '2026-11-19T21:00:00Z', title: 'Council rejects downtown parking fee increase',
      text: 'Port Halley council voted 5-2 against raising parking meter fees to $2.25, weeks after approving bike lanes that removed parking spaces.' });
    const fees2 = makeArticle({ id: 'f2', publisher: 'coastalpost', published: '2026-11-20T07:00:00Z', title: 'Meter rates stay at $1.50 after 5-2 vote',
      text: 'Downtown meter fees will stay at $1.50 an hour; the council voted 5-2 against the $2.25 rate proposed by city manager Rhea Dunmore.' });
    const groups = clusterStories([bikes, bikes2, fees, fees2]).map((s) => [...s.articleIds].sort());
    expect(groups.sort()).toEqual([['f1', 'f2'], ['v1', 'v2']]);
  });

  it('explains why each article joined', () => {
    const [story] = clusterStories(crane);
    expect(story?.members?.map((m) => m.articleId)).toEqual(['c1', 'c2']);
    expect(story?.members?.[0]?.reason).toMatch(/founded/);
    expect(story?.members?.[1]?.shared).toContain('crane');
    expect(story?.members?.[1]?.reason).toMatch(/^cosine 0\.\d\d to the story; shares /);
    expect(story?.originalReporter).toBe('harborgazette');
    expect(story?.firstSeen).toBe('2026-11-21T09:00:00Z');
  });
});

describe('incremental clustering through the store', () => {
  let store: Store | undefined;
  afterEach(() => store?.close());

  const saveRun = async (s: Store, result: ReturnType<typeof clusterIncremental>, articles: typeof crane): Promise<void> => {
    const runId = await s.beginRun({ startedAt: '2026-11-22T12:00:00Z', inputs: [], command: 'cluster' });
    await s.commitRun(runId, runCommit('2026-11-22T12:00:01Z', { articles, stories: result.stories, storyStates: result.saved }));
  };

  it('adds a later run’s follow-up to the open story under the same id, and re-running changes nothing', async () => {
    store = openSqliteStore(':memory:');
    const first = clusterIncremental(crane);
    await saveRun(store, first, crane);
    const id = first.stories[0]!.id;

    const continued = await store.loadStories({ articleIds: [followUp.id], from: '2026-11-19T10:00:00Z', to: '2026-11-25T10:00:00Z' });
    expect(continued.map((c) => c.story.id)).toEqual([id]);
    const second = clusterIncremental([followUp], new Map(), {}, continued);
    expect(second.stories).toHaveLength(1);
    expect(second.stories[0]).toMatchObject({ id, label: first.stories[0]!.label, articleIds: ['c1', 'c2', 'c3'] });
    expect(second.stories[0]!.publishers).toEqual(['coastalpost', 'harborgazette', 'valleyledger']);
    await saveRun(store, second, [followUp]);

    const again = clusterIncremental([...crane, followUp], new Map(), {}, await store.loadStories({ articleIds: ['c1', 'c2', 'c3'] }));
    expect(again.stories).toEqual(second.stories);
  });

  it('starts a new story once the old one has been quiet for longer than the window', async () => {
    store = openSqliteStore(':memory:');
    const first = clusterIncremental(crane, new Map(), { windowHours: 72 });
    await saveRun(store, first, crane);
    const continued = await store.loadStories({ articleIds: [weekLater.id], from: '2026-11-20T00:00:00Z', to: '2026-12-08T00:00:00Z' });
    expect(continued).toHaveLength(1);
    const later = clusterIncremental([weekLater], new Map(), { windowHours: 72 }, continued);
    expect(later.stories.map((s) => s.id)).not.toContain(first.stories[0]!.id);
    expect(later.stories[0]!.articleIds).toEqual(['c4']);
  });
});

describe('progress', () => {
  it('tells how many articles have found their story, every CLUSTER_PROGRESS_EVERY of them', () => {
    const count = CLUSTER_PROGRESS_EVERY * 2 + 7;
    const many = Array.from({ length: count }, (_, i) =>
      makeArticle({ id: `p${i}`, published: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(), title: `Notice ${i}`, text: `Item ${i} of the harbor log.` }),
    );
    const seen: Array<[number, number]> = [];
    clusterIncremental(many, new Map(), {}, [], false, undefined, (done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [CLUSTER_PROGRESS_EVERY, count],
      [CLUSTER_PROGRESS_EVERY * 2, count],
    ]);
  });
});

describe('clustering in steps', () => {
  // Each article its own story: words no other article uses ("kab", "kac", …).
  const word = (n: number): string => `k${String.fromCharCode(97 + (Math.floor(n / 676) % 26), 97 + (Math.floor(n / 26) % 26), 97 + (n % 26))}`;
  const dated = STORIES_PER_STEP * 2 + 300;
  const undated = 400;
  const articles = Array.from({ length: dated + undated }, (_, i) =>
    makeArticle({
      id: `a${String(i).padStart(5, '0')}`,
      // Four days apart: each story has closed before the next sweep looks.
      ...(i < dated ? { published: new Date(Date.UTC(2020, 0, 1) + i * 4 * 86_400_000).toISOString() } : {}),
      title: `${word(3 * i)} ${word(3 * i + 1)}`,
      text: `The ${word(3 * i)} ${word(3 * i + 1)} ${word(3 * i + 2)} met again.`,
    }),
  );

  it('gives every story once, as it is finished, no more than STORIES_PER_STEP at a time, and the same stories as clusterIncremental', () => {
    let assigned = 0;
    const steps: Array<{ ids: string[]; savedIds: string[]; assignedBefore: number }> = [];
    const stories: Story[] = [];
    const saved: ContinuedStory[] = [];
    for (const step of clusterInSteps(articles, new Map(), {}, [], true, undefined, (done) => (assigned = done))) {
      steps.push({ ids: step.stories.map((s) => s.id), savedIds: step.saved.map((e) => e.story.id), assignedBefore: assigned });
      stories.push(...step.stories);
      saved.push(...step.saved);
    }
    const whole = clusterIncremental(articles, new Map(), {}, [], true);
    expect(whole.stories).toHaveLength(articles.length);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    for (const step of steps) {
      expect(step.ids.length).toBeLessThanOrEqual(STORIES_PER_STEP);
      expect(step.savedIds).toEqual(step.ids);
    }
    // The first steps come while articles are still being assigned: the caller can let them go.
    expect(steps[0]!.assignedBefore).toBeLessThan(dated);
    const byId = <T>(of: (x: T) => string) => (a: T, b: T) => of(a).localeCompare(of(b));
    expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
    expect([...stories].sort(byId((s) => s.id))).toEqual(whole.stories);
    expect([...saved].sort(byId((e) => e.story.id))).toEqual(whole.saved);
  });
});
