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
