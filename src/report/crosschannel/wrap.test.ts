import { describe, expect, it } from 'vitest';
import { wrapStyled, wrapWords } from './wrap.js';

describe('wrap', () => {
  it('wrapWords splits at spaces within the width', () => {
    expect(wrapWords('one two three', 8)).toEqual(['one two', 'three']);
    expect(wrapWords('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
    expect(wrapWords('fits', 80)).toEqual(['fits']);
  });
  it('wrapStyled styles the title part of each line', () => {
    const strong = (s: string) => `<${s}>`;
    const weak = (s: string) => `[${s}]`;
    expect(wrapStyled('a title', ': the rest', 80, strong, weak)).toEqual(['<a title>[: the rest]']);
    expect(wrapStyled('a long title', ' rest', 6, strong, weak)).toEqual(['<a long>', '<title>', '[rest]']);
    expect(wrapStyled('ab', ' cd ef', 5, strong, weak)).toEqual(['<ab>[ cd]', '[ef]']);
  });
});
