/**
 * CI runs the static checks, and they can fail: a focused or skipped test is a lint
 * error, and a wrong type-level assertion is a typecheck error. Without these steps in
 * `.ci/run` a `.only` or a broken `expectTypeOf` would pass CI unnoticed.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The commands `.ci/run` executes, in order, without comments and `echo`s. */
async function ciCommands(): Promise<string[]> {
  const script = await readFile(path.join(repo, '.ci/run'), 'utf8');
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('echo'));
}

/** Runs biome with the repository's configuration on one test file written to a temp dir. */
async function lint(source: string): Promise<{ code: number; out: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-lint-'));
  const file = path.join(dir, 'test/example.test.ts');
  await mkdir(path.dirname(file));
  await writeFile(file, source);
  const biome = path.join(repo, 'node_modules/.bin/biome');
  try {
    const { stdout, stderr } = await run(biome, [
      'lint',
      `--config-path=${path.join(repo, 'biome.json')}`,
      file,
    ]);
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('.ci/run', () => {
  it('stops at the first failure and runs lint, typecheck and the router check before the tests', async () => {
    const commands = await ciCommands();
    expect(commands).toContain('set -euo pipefail');
    const at = (command: string) => commands.indexOf(command);
    const test = at('pnpm test');
    expect(test).toBeGreaterThan(0);
    for (const step of ['pnpm lint', 'pnpm typecheck', 'pnpm check:router']) {
      expect(at(step), step).toBeGreaterThan(at('pnpm install --frozen-lockfile'));
      expect(at(step), step).toBeLessThan(test);
    }
  });

  it('has scripts behind every static step', async () => {
    const root = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8'));
    const sdk = JSON.parse(await readFile(path.join(repo, 'packages/sdk/package.json'), 'utf8'));
    expect(root.scripts.lint).toMatch(/biome check/);
    expect(root.scripts.typecheck).toMatch(/typecheck/);
    expect(root.scripts['check:router']).toMatch(/@parley\/sdk check:router/);
    expect(sdk.scripts['check:router']).toMatch(/generate-router\.mjs --check/);
  });
});

describe('the lint step', () => {
  it('fails on a focused or skipped test and passes a plain one', async () => {
    const plain = "import { it } from 'vitest';\n\nit('works', () => {});\n";
    expect((await lint(plain)).code).toBe(0);
    const focused = await lint(plain.replace('it(', 'it.only('));
    expect(focused.code, focused.out).not.toBe(0);
    expect(focused.out).toMatch(/noFocusedTests/);
    const skipped = await lint(plain.replace('it(', 'it.skip('));
    expect(skipped.code, skipped.out).not.toBe(0);
    expect(skipped.out).toMatch(/noSkippedTests/);
    // Three biome runs; each starts a process, which takes seconds on a loaded machine.
  }, 60_000);
});

describe('the typecheck step', () => {
  it('type-checks the tests of every package, where the type-level tests live', async () => {
    const { stdout } = await run('git', ['ls-files', '*/tsconfig.json'], { cwd: repo });
    const configs = stdout.split('\n').filter(Boolean);
    expect(configs.length).toBeGreaterThan(5);
    const { stdout: tests } = await run('git', ['ls-files', '*.test.ts', '*.test.tsx'], {
      cwd: repo,
    });
    for (const config of configs) {
      const dir = path.dirname(config);
      if (!tests.split('\n').some((file) => file.startsWith(`${dir}/test/`))) continue;
      const pkg = JSON.parse(await readFile(path.join(repo, dir, 'package.json'), 'utf8'));
      expect(pkg.scripts?.typecheck, dir).toMatch(/^tsc --noEmit/);
      const tsconfig = JSON.parse(await readFile(path.join(repo, config), 'utf8'));
      expect(tsconfig.include, config).toContain('test');
    }
  });
});
