/**
 * The repository explains itself: nothing refers to documents that are not in it, and
 * the public API reference, the design decisions and the README's security promises are.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('documents', () => {
  it('no tracked file refers to a document outside the repository', async () => {
    // git grep exits 1 when nothing matches: that is the pass.
    const found = await run(
      'git',
      [
        'grep',
        '-n',
        '-I',
        '-E',
        String.raw`LESSONS|API(-v2)?\.md|\brow [0-9]+\b|/work/shared|\.\./shared/`,
        '--',
        '.',
        ':!pnpm-lock.yaml',
        ':!tooling/testing/test/docs.test.ts',
      ],
      { cwd: repo },
    ).then(
      ({ stdout }) => stdout,
      (error: { code?: number; stdout?: string }) => (error.code === 1 ? '' : String(error)),
    );
    // Case-sensitive: our own docs/api.md does not match `API.md`.
    expect(found.split('\n').filter(Boolean)).toEqual([]);
  });

  it('the API reference and the design decisions are in docs/', async () => {
    for (const file of ['docs/api.md', 'docs/design.md'])
      expect(existsSync(path.join(repo, file)), file).toBe(true);
    const api = await readFile(path.join(repo, 'docs/api.md'), 'utf8');
    for (const name of ['auth.refresh', 'sessions.events', 'listings.search', '/healthz'])
      expect(api, name).toContain(name);
  });

  it("the README's security section says what Parley promises", async () => {
    const readme = await readFile(path.join(repo, 'README.md'), 'utf8');
    const section = readme.split(/^## Security$/m)[1]?.split(/^## /m)[0] ?? '';
    for (const promise of [
      'Content-Security-Policy',
      'X-Frame-Options',
      'Limits',
      'httpOnly',
      'How streams end',
    ])
      expect(section, promise).toContain(promise);
  });
});
