import { describe, expect, it } from 'vitest';
import { backFrom } from './back';

describe('backFrom', () => {
  it('goes back where the link was followed from, naming the place', () => {
    expect(backFrom({ from: '/chat/abc' })).toEqual({
      to: '/chat/abc',
      label: 'chat',
      known: true,
    });
    expect(backFrom({ from: '/listings?location=Girne' })).toEqual({
      to: '/listings?location=Girne',
      label: 'listings',
      known: true,
    });
    expect(backFrom({ from: '/favorites' }).label).toBe('favorites');
    expect(backFrom({ from: '/' }).label).toBe('home');
    expect(backFrom({ from: '/listings/0000' }).label).toBe('listing');
    expect(backFrom({ from: '/my-listings' }).label).toBe('mine');
    // A page with no name of its own (alerts, saved searches): a plain "Back".
    expect(backFrom({ from: '/alerts' }).label).toBe('back');
  });

  it('says a plain Back, stepping back, when an in-app link said nothing (an alert in the bell)', () => {
    expect(backFrom(null, true)).toEqual({ to: '/listings', label: 'back', known: true });
  });

  it('falls back to the listings for a direct visit or a foreign value', () => {
    for (const state of [
      null,
      undefined,
      {},
      { from: 42 },
      { from: 'https://evil.example' },
      { from: '//evil.example' },
    ])
      expect(backFrom(state)).toEqual({ to: '/listings', label: 'listings', known: false });
  });
});
