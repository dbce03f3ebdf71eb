import { describe, expect, it } from 'vitest';
import { afterSignIn, redirectOf } from './redirect';

describe('where sign-in leads', () => {
  it('goes back to the page that asked for it, or to the chat', () => {
    expect(afterSignIn(redirectOf({ from: '/chat/abc?x=1' }))).toEqual({
      to: '/chat/abc?x=1',
      state: null,
    });
    expect(afterSignIn(redirectOf(null))).toEqual({ to: '/chat', state: null });
  });

  it('carries a request typed on the landing page', () => {
    expect(afterSignIn(redirectOf({ from: '/chat', request: '  villa in Lapta ' }))).toEqual({
      to: '/chat',
      state: { request: 'villa in Lapta' },
    });
  });

  it('never leaves the site', () => {
    for (const from of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'chat', 42])
      expect(afterSignIn(redirectOf({ from })).to).toBe('/chat');
  });
});
