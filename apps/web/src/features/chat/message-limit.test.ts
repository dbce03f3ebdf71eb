import { describe, expect, it } from 'vitest';
import { pasteWithin } from './message-limit';

describe('pasteWithin', () => {
  it('keeps a paste that fits whole', () => {
    expect(pasteWithin('ab', 'XY', 1, 1, 10)).toEqual({ text: 'aXYb', caret: 3, cut: false });
  });

  it('cuts a paste to the room left, and says so', () => {
    expect(pasteWithin('abc', 'XYZW', 3, 3, 5)).toEqual({ text: 'abcXY', caret: 5, cut: true });
  });

  it('counts the selected text as room: it is replaced', () => {
    expect(pasteWithin('abcde', 'XYZ', 1, 4, 5)).toEqual({ text: 'aXYZe', caret: 4, cut: false });
  });

  it('keeps 8,000 characters of a 20,000-character paste into an empty box', () => {
    const result = pasteWithin('', 'x'.repeat(20_000), 0, 0);
    expect(result.text).toHaveLength(8000);
    expect(result.cut).toBe(true);
  });
});
