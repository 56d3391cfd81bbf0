import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../../src/util/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1], // adjacent swap counts once
    ['requestedFreigt', 'requestedFreight', 1],
    ['stgaes', 'stages', 1],
  ])('%s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('suggest', () => {
  const fields = [
    'name',
    'branch',
    'environment',
    'requestedFreight',
    'autoPromotion',
    'promotionTemplate',
    'verification',
  ];
  it.each([
    ['requestedFreigt', 'requestedFreight'],
    ['requestedfreight', 'requestedFreight'],
    ['enviroment', 'environment'],
    ['autopromotion', 'autoPromotion'],
    ['nmae', 'name'],
    ['brnch', 'branch'],
    ['promotionTemplates', 'promotionTemplate'],
    ['requested', 'requestedFreight'],
    ['template', 'promotionTemplate'],
  ])('%s -> %s', (word, want) => {
    expect(suggest(word, fields)).toBe(want);
  });

  it.each(['xyz', 'steps', 'foo', 'tion', 'ion'])('no suggestion for %s', (word) => {
    expect(suggest(word, fields)).toBeUndefined();
  });

  it('prefers the exact-case candidate on a tie', () => {
    expect(suggest('semver', ['SemVer', 'Lexical'])).toBe('SemVer');
    expect(suggest('automatc', ['Automatic', 'Manual'])).toBe('Automatic');
    expect(suggest('Auto', ['Automatic', 'Manual'])).toBe('Automatic');
    expect(suggest('strategy', ['imageSelectionStrategy', 'name'])).toBe('imageSelectionStrategy');
  });

  it('formats did-you-mean', () => {
    expect(didYouMean('imag', ['image', 'chart', 'git'])).toBe(' (did you mean "image"?)');
    expect(didYouMean('docker', ['image', 'chart', 'git'])).toBe('');
    expect(didYouMean('image', ['image'])).toBe('');
  });
});
