import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/understand/language';
import { findLocation } from '../src/understand/location';
import { createScan } from '../src/understand/scan';
import { tokenize } from '../src/understand/tokens';
import { TURKISH_CASE_ENDINGS } from '../src/understand/turkish-endings';

/** One list of Turkish case endings serves both place reading and language detection. */
describe('Turkish case endings on places', () => {
  it('every ending on a town reads the town, and every longer one makes the message Turkish', () => {
    for (const ending of TURKISH_CASE_ENDINGS) {
      const word = `girne${ending}`;
      expect(findLocation(createScan(tokenize(word)), new Set()).wanted, word).toBe('Girne');
      if (ending.length > 1) expect(detectLanguage(`flat ${word}`), word).toBe('tr');
    }
  });

  it('a one-letter ending alone does not make a message Turkish', () => {
    expect(detectLanguage('flat in lapta')).toBe('en');
  });
});
