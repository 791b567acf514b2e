// --only and --shard pick outputs deterministically; shards partition the build.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, selectOutputs } from '../../src/plan/select.ts';

/** Fixed, so a failure replays; fast-check prints it with the shrunk counterexample. */
const SEED = 42;

const outputs = ['en/overview', 'en/programme/bsr', 'en/workbook', ...Array.from({ length: 23 }, (_, i) => `en/project/p${i}`)].map((key) => ({
  key,
  entry: { id: key.split('/')[1]! },
}));

describe('output selection', () => {
  it('matches --only against the key, the key without locale, or the catalogue id', () => {
    expect(selectOutputs(outputs, { only: ['overview'] }).map((o) => o.key)).toEqual(['en/overview']);
    expect(selectOutputs(outputs, { only: ['project/p1?'] }).map((o) => o.key)).toEqual(Array.from({ length: 10 }, (_, i) => `en/project/p1${i}`));
    expect(selectOutputs(outputs, { only: ['en/*'] }).map((o) => o.key)).toEqual(['en/overview', 'en/workbook']);
    expect(selectOutputs(outputs, { only: ['en/**'] })).toHaveLength(outputs.length);
    expect(selectOutputs(outputs, { only: ['project'] })).toHaveLength(23);
  });

  it('refuses an --only that matches nothing', () => {
    expect(() => selectOutputs(outputs, { only: ['brochure'] })).toThrow(/matches no output/);
  });

  it('splits into shards that are disjoint, cover everything, are balanced and do not depend on input order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.shuffledSubarray(outputs, { minLength: outputs.length }), (count, shuffled) => {
        const shards = Array.from({ length: count }, (_, i) => selectOutputs(shuffled, { shard: { index: i + 1, count } }).map((o) => o.key));
        const all = shards.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(all.sort()).toEqual(outputs.map((o) => o.key).sort());
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(shards[0]).toEqual(selectOutputs(outputs, { shard: { index: 1, count } }).map((o) => o.key));
      }),
      { seed: SEED },
    );
  });

  it('reads k/n and rejects anything else', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '1/3/4']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });
});
