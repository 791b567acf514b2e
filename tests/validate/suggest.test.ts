// "Did you mean …?": which candidate is close enough to be a likely typo.
// Distances are Levenshtein's, counted by hand in the comments.
import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../src/validate/suggest.ts';

describe('closest', () => {
  it.each([
    ['an exact match, whatever the case', 'RED', ['asap', 'red'], 'red'],
    ['a candidate the input begins', 'budget_euro', ['title', 'budget_eur'], 'budget_eur'],
    ['a candidate that begins the input', 'proj', ['programmes', 'projects'], 'projects'],
    ['a candidate the input begins, however much longer', 'projectsxxxx', ['proj'], 'proj'],
    ['an exact match over a longer one listed first', 'red', ['redx', 'red'], 'red'],
    ['two letters swapped (2 edits)', 'interbatlic', ['maritour', 'interbaltic'], 'interbaltic'],
    ['3 edits in 9 letters: within a third', 'kittenabc', ['sittingabc'], 'sittingabc'],
    ['4 edits in 9 letters: too far', 'kittenabc', ['sittingabd'], undefined],
    ['2 edits in a short word: allowed', 'ab', ['cd'], 'cd'],
    ['3 edits in a short word: too far', 'ab', ['cde'], undefined],
    ['the first of two equally close', 'cat', ['bat', 'hat'], 'bat'],
    ['the closer of two, whichever comes first', 'house', ['mouse1', 'horse'], 'horse'],
    ['nothing among no candidates', 'red', [], undefined],
  ])('finds %s', (_, input, candidates, expected) => {
    expect(closest(input, candidates)).toBe(expected);
  });

  it('gives up on an input over 100 characters, even one that matches', () => {
    expect(closest('a'.repeat(100), ['a'.repeat(100)])).toBe('a'.repeat(100));
    expect(closest('a'.repeat(101), ['a'.repeat(101)])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('words a suggestion for text or a number, and nothing otherwise', () => {
    expect(didYouMean('seed_nmae', ['seed_name', 'name'])).toBe("did you mean 'seed_name'?");
    expect(didYouMean(200, ['2005', 'x'])).toBe("did you mean '2005'?");
    expect(didYouMean('zzzz', ['seed_name'])).toBeUndefined();
    expect(didYouMean(true, ['true'])).toBeUndefined();
    expect(didYouMean({ id: 'red' }, ['red'])).toBeUndefined();
  });
});
