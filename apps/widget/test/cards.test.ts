import { describe, expect, it } from 'vitest';
import { imageUrl } from '../src/cards';

/** Card photos: a server path is on Parley, never on the page that embeds the widget. */
describe('imageUrl', () => {
  const server = 'https://parley.example.com';

  it('puts a Parley path (a seeded photo, a POST /media url) on the Parley server', () => {
    expect(imageUrl('/media/demo-apartment-pool-0/page.webp', server)).toBe(
      'https://parley.example.com/media/demo-apartment-pool-0/page.webp',
    );
    expect(imageUrl('/media/3f2a9c/card.webp', 'http://127.0.0.1:4000')).toBe(
      'http://127.0.0.1:4000/media/3f2a9c/card.webp',
    );
    // Under a path prefix, as the card link (`${server}/listings/<id>`) is.
    expect(imageUrl('/media/k/page.webp', 'https://example.com/parley')).toBe(
      'https://example.com/parley/media/k/page.webp',
    );
  });

  it('keeps an absolute http(s) URL as it is', () => {
    for (const src of [
      'https://images.example.net/photos/1.jpg?w=800',
      'http://cdn.example.org/a.webp',
    ])
      expect(imageUrl(src, server)).toBe(src);
    expect(imageUrl('//cdn.example.org/b.webp', server)).toBe('https://cdn.example.org/b.webp');
  });

  it('drops any other scheme', () => {
    for (const src of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:image/svg+xml,<svg/>',
      'file:///etc/passwd',
      'blob:https://parley.example.com/x',
    ])
      expect(imageUrl(src, server)).toBeNull();
  });
});
