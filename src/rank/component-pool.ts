// Score components repeat across a run: most candidates share "no boost rule matches", their publisher's
// source weight, their story's corroboration. A run of 100,000 candidates held 86 MB of components, one
// object and one detail string per candidate and component; a pool keeps one frozen object per distinct
// component instead. Components that rarely repeat (recency, prominence: they carry a time or a word count)
// would only fill the pool, so it stops taking new ones at POOL_LIMIT and hands those back as they are.
import type { ScoreComponent } from '../model.js';

/** Distinct components a pool keeps: enough for every repeating one, small next to a large run. */
export const POOL_LIMIT = 20_000;

export class ComponentPool {
  private readonly pool = new Map<string, ScoreComponent>();

  /** The pooled component equal to this one (frozen: it is shared), or this one when the pool is full. */
  intern(component: ScoreComponent): ScoreComponent {
    const { name, value, weight, contribution, detail, topics } = component;
    const key = `${name}\u0000${value}\u0000${weight}\u0000${contribution}\u0000${detail}${topics ? `\u0000${topics.join('\u0001')}` : ''}`;
    const pooled = this.pool.get(key);
    if (pooled) return pooled;
    if (this.pool.size >= POOL_LIMIT) return component;
    if (topics) Object.freeze(topics);
    this.pool.set(key, Object.freeze(component));
    return component;
  }

  /** The components of one candidate, each pooled. */
  internAll(components: ScoreComponent[]): ScoreComponent[] {
    for (let i = 0; i < components.length; i++) components[i] = this.intern(components[i]!);
    return components;
  }
}
