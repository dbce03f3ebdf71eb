import { describe, expect, it } from 'vitest';
import { photo } from './photos';

describe('photo sizes', () => {
  it('asks Parley for the size the place needs', () => {
    expect(photo('/media/abc-123/page.webp', 'card')).toBe('/media/abc-123/card.webp');
    expect(photo('/media/abc-123/card.webp', 'page')).toBe('/media/abc-123/page.webp');
  });

  it('leaves any other URL alone', () => {
    for (const url of ['https://img.example/a.jpg', '/media/../x/card.webp', '/mediax/a/card.webp'])
      expect(photo(url, 'card')).toBe(url);
  });
});
