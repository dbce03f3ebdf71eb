import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/widget.js');

describe('dist/widget.js', () => {
  it('is under 60 KB gzipped, SDK included', () => {
    const gzipped = gzipSync(readFileSync(dist), { level: 9 }).length;
    console.log(`widget.js: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(60 * 1024);
  });
});
