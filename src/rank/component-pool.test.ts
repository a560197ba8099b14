import { describe, expect, it } from 'vitest';
import type { ScoreComponent } from '../model.js';
import { ComponentPool, POOL_LIMIT } from './component-pool.js';

const boost = (): ScoreComponent => ({ name: 'boost', value: 0, weight: 1, contribution: 0, detail: 'no boost rule matches' });

describe('ComponentPool', () => {
  it('hands back one frozen object for equal components', () => {
    const pool = new ComponentPool();
    const first = pool.intern(boost());
    const second = pool.intern(boost());
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      'use strict';
      (first as { detail: string }).detail = 'changed';
    }).toThrow(TypeError);
  });

  it('keeps components apart when any field differs, topics included', () => {
    const pool = new ComponentPool();
    const base = pool.intern(boost());
    expect(pool.intern({ ...boost(), weight: 2 })).not.toBe(base);
    expect(pool.intern({ ...boost(), detail: 'boosted by "harbor"' })).not.toBe(base);
    const harbor = pool.intern({ name: 'topic', value: 0.5, weight: 0.5, contribution: 0.25, detail: '1 topic', topics: ['harbor'] });
    const ferry = pool.intern({ name: 'topic', value: 0.5, weight: 0.5, contribution: 0.25, detail: '1 topic', topics: ['ferry'] });
    expect(ferry).not.toBe(harbor);
    expect(ferry.topics).toEqual(['ferry']);
  });

  it('stops pooling at its limit and returns new components unchanged', () => {
    const pool = new ComponentPool();
    for (let i = 0; i < POOL_LIMIT; i++) pool.intern({ ...boost(), detail: `rule ${i}` });
    const late = { ...boost(), detail: 'one more' };
    expect(pool.intern(late)).toBe(late);
    expect(Object.isFrozen(late)).toBe(false);
    // What was pooled before the limit is still shared.
    expect(pool.intern({ ...boost(), detail: 'rule 7' })).toBe(pool.intern({ ...boost(), detail: 'rule 7' }));
  });
});
