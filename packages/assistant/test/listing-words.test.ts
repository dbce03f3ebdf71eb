import { describe, expect, it } from 'vitest';
import { namesAlertedListing } from '../src/understand/alerted-listing';
import { ENGLISH_LISTING_WORDS } from '../src/understand/keywords';
import { shownListingNamed } from '../src/understand/shown-listing';
import { tokenize } from '../src/understand/tokens';

/**
 * The English words that name one listing ("the new one", "the second flat") are one list
 * kept with the other word tables, read the same by the alerted-listing and shown-listing
 * readers; each adds only its own few ("new listings", "the first option").
 */
const alerted = (message: string) => namesAlertedListing(tokenize(message));
const shown = (message: string) => shownListingNamed(tokenize(message));

describe('English words that name a listing', () => {
  it('are kept once, with the word tables', () => {
    expect(ENGLISH_LISTING_WORDS).toEqual(
      expect.arrayContaining(['one', 'listing', 'flat', 'apartment', 'villa', 'home']),
    );
    expect(new Set(ENGLISH_LISTING_WORDS).size).toBe(ENGLISH_LISTING_WORDS.length);
  });

  it.each([...ENGLISH_LISTING_WORDS])('both readers know "%s"', (word) => {
    expect(alerted(`tell me about the new ${word}`)).toBe(true);
    // Without "the", only the word after the ordinal says it is a listing; "one" is read
    // as a spelled number, so "the second one" names it by its "the".
    const article = word === 'one' ? 'the ' : '';
    expect(shown(`does ${article}second ${word} have parking`)).toBe(1);
  });

  it('each reader keeps its own words', () => {
    expect(alerted('any new listings')).toBe(true);
    expect(alerted('the new alert')).toBe(true);
    expect(alerted('a new option')).toBe(false);
    expect(alerted('a new penthouse')).toBe(false);
    expect(shown('does first option have a pool')).toBe(0);
    expect(shown('is last penthouse furnished')).toBe(-1);
    expect(shown('fifth bungalow')).toBe(4);
    expect(shown('second listings')).toBeUndefined();
  });
});
