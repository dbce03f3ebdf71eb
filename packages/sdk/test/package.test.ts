/**
 * The package as users get it: `pnpm pack` after tsup, installed with npm into an empty
 * folder outside the workspace, then type-checked by strict TypeScript and run by plain
 * Node against a real server that restarts halfway.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { appRouter } from '@parley/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRestartableServer } from './server';

const run = promisify(execFile);
const sdk = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(sdk, 'test/fixtures/consumer');
let packDir: string;
let consumer: string;
let bare: string;

async function sh(command: string, args: string[], cwd: string, timeout = 240_000) {
  try {
    return await run(command, args, { cwd, timeout, maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`,
    );
  }
}

beforeAll(async () => {
  if (!existsSync(path.join(sdk, 'dist/index.js'))) await sh('pnpm', ['run', 'build'], sdk);
  await sh(process.execPath, ['scripts/check-dist.mjs'], sdk);
  packDir = await mkdtemp(path.join(tmpdir(), 'parley-sdk-pack-'));
  await sh('pnpm', ['pack', '--pack-destination', packDir], sdk);
  const { readdir } = await import('node:fs/promises');
  const tarball = (await readdir(packDir)).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack wrote no tarball');
  // An empty folder outside the workspace: nothing of the monorepo can leak in.
  consumer = await mkdtemp(path.join(tmpdir(), 'parley-sdk-consumer-'));
  await writeFile(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module' }, null, 2),
  );
  await sh(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      path.join(packDir, tarball),
      'typescript@5.9.3',
      // tRPC's own .d.ts import node:http and ws types; the React entry needs React's.
      '@types/node@20',
      '@types/ws@8',
      '@types/react@19',
      // The React entry's optional peers, as a React user installs them.
      '@trpc/react-query@11.19.0',
      '@tanstack/react-query@5',
      'react@19',
    ],
    consumer,
  );
  await cp(fixtures, consumer, { recursive: true });
  // And one with nothing but the SDK and TypeScript, as a strict integrator starts.
  bare = await mkdtemp(path.join(tmpdir(), 'parley-sdk-bare-'));
  await writeFile(
    path.join(bare, 'package.json'),
    JSON.stringify({ name: 'sdk-bare', private: true, type: 'module' }, null, 2),
  );
  await sh(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      path.join(packDir, tarball),
      'typescript@5.9.3',
    ],
    bare,
  );
  await cp(path.join(fixtures, 'consumer.ts'), path.join(bare, 'consumer.ts'));
  await cp(path.join(fixtures, 'consumer-cjs.cts'), path.join(bare, 'consumer-cjs.cts'));
}, 300_000);

afterAll(async () => {
  if (consumer) await rm(consumer, { recursive: true, force: true });
  if (bare) await rm(bare, { recursive: true, force: true });
  if (packDir) await rm(packDir, { recursive: true, force: true });
});

describe('the published package', () => {
  it('declares no workspace package and ships types, README and CHANGELOG', async () => {
    const installed = path.join(consumer, 'node_modules/@parley/sdk');
    const pkg = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8'));
    const ranges = JSON.stringify({ ...pkg.dependencies, ...pkg.peerDependencies });
    expect(ranges).not.toMatch(/workspace:|catalog:|@parley\//);
    expect(Object.keys(pkg.dependencies)).not.toContain('@parley/api');
    for (const file of [
      'dist/index.d.ts',
      'dist/index.d.cts',
      'dist/react.d.ts',
      'README.md',
      'CHANGELOG.md',
    ]) {
      expect(existsSync(path.join(installed, file)), file).toBe(true);
    }
    // Nothing of the server in the installed tree.
    for (const name of ['sequelize', 'pino', 'zod', '@parley/api']) {
      expect(existsSync(path.join(consumer, 'node_modules', name)), name).toBe(false);
    }
  });

  it('type-checks a strict consumer; wrong inputs, missing fields, unknown procedures do not compile', async () => {
    const tsc = path.join(consumer, 'node_modules/.bin/tsc');
    const strict = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
    ];
    // No skipLibCheck and nothing but @parley/sdk and TypeScript installed: every
    // declaration the SDK reaches checks, with no @types package.
    const bareResult = await run(
      tsc.replace(consumer, bare),
      [...strict, 'consumer.ts', 'consumer-cjs.cts'],
      {
        cwd: bare,
      },
    ).then(
      ({ stdout }) => stdout,
      (e: { stdout: string }) => e.stdout,
    );
    expect(bareResult).toBe('');
    // Below ES2024 too, with the lib the README names: tRPC's declarations use
    // `Disposable` and `AsyncDisposable` (esnext.disposable), the SDK's fetch types (dom).
    const lowerTarget = await run(
      tsc.replace(consumer, bare),
      [...strict, '--target', 'es2022', '--lib', 'es2022,dom,esnext.disposable', 'consumer.ts'],
      { cwd: bare },
    ).then(
      ({ stdout }) => stdout,
      (e: { stdout: string }) => e.stdout,
    );
    expect(lowerTarget).toBe('');
    // The README's Node example compiles as written, every piece kind handled.
    const readme = await readFile(path.join(sdk, 'README.md'), 'utf8');
    const nodeExample = /## Node\n\n```ts\n([\s\S]*?)```/.exec(readme)![1]!;
    await writeFile(
      path.join(consumer, 'readme-node.mts'),
      'declare const accessToken: string, refreshToken: string;\n' +
        `declare function save(tokens: unknown): void;\n${nodeExample}export {};\n`,
    );
    const readmeResult = await run(tsc, [...strict, 'readme-node.mts'], { cwd: consumer }).then(
      ({ stdout }) => stdout,
      (e: { stdout: string }) => e.stdout,
    );
    expect(readmeResult).toBe('');
    // The React entry reaches @trpc/react-query, which imports @trpc/client's own
    // entry: tRPC 11.19's adapters/ws.d.mts does not check under ESM nodenext (it uses
    // `ws` types as a CommonJS namespace). Errors inside @trpc's files are tRPC's,
    // anything else fails.
    const result = await run(
      tsc,
      [...strict, 'consumer.ts', 'consumer-cjs.cts', 'consumer-react.ts'],
      { cwd: consumer },
    ).then(
      ({ stdout }) => stdout,
      (e: { stdout: string }) => e.stdout,
    );
    const errors = result.split('\n').filter((line) => /\): error TS/.test(line));
    const ours = errors.filter((line) => !line.startsWith('node_modules/@trpc/'));
    expect(ours).toEqual([]);
    // And with skipLibCheck, as most projects build, there is nothing at all.
    const { stdout } = await sh(
      tsc,
      [...strict, '--skipLibCheck', 'consumer.ts', 'consumer-cjs.cts', 'consumer-react.ts'],
      consumer,
    );
    expect(stdout).toBe('');
    // The expect-error lines really are errors: without the directives tsc fails on each.
    const source = await readFile(path.join(consumer, 'consumer.ts'), 'utf8');
    const lines = source.split('\n');
    // 1-based numbers of the lines each directive covers.
    const covered = lines.flatMap((line, i) =>
      line.includes('// @ts-expect-error') ? [i + 2] : [],
    );
    expect(covered.length).toBeGreaterThanOrEqual(8);
    await writeFile(
      path.join(consumer, 'unchecked.ts'),
      source.replaceAll('// @ts-expect-error', '// (expected error)'),
    );
    const failed = await run(tsc, [...strict, '--skipLibCheck', 'unchecked.ts'], {
      cwd: consumer,
    }).then(
      () => '',
      (e: { stdout: string }) => e.stdout,
    );
    const errorLines = new Set(
      [...failed.matchAll(/^unchecked\.ts\((\d+),\d+\): error/gm)].map((m) => Number(m[1])),
    );
    const missing = covered.filter((n) => !errorLines.has(n)).map((n) => `${n}: ${lines[n - 1]}`);
    expect(missing, failed).toEqual([]);
  }, 300_000); // five tsc runs over the whole SDK and tRPC declarations

  it('loads as CommonJS too', async () => {
    const { stdout } = await sh(process.execPath, ['require.cjs'], consumer);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true });
  });
});

describe.each(['ws', 'sse'] as const)(
  'a Node program over %s against a real server',
  (transport) => {
    let server: Awaited<ReturnType<typeof startRestartableServer>>;
    beforeAll(async () => {
      server = await startRestartableServer(`sdk_pkg_${transport}`, { SEED_DEMO_LISTINGS: '300' });
    });
    afterAll(() => server?.close());

    it('registers, searches, chats live, refreshes an expired token, resumes after a restart, exits', async () => {
      const child: ChildProcess = spawn(process.execPath, ['e2e.mjs'], {
        cwd: consumer,
        env: { ...process.env, PARLEY_URL: server.url, PARLEY_TRANSPORT: transport },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const steps: Record<string, unknown>[] = [];
      let doneAt = 0;
      for await (const line of createInterface({ input: child.stdout! })) {
        const step = JSON.parse(line) as Record<string, unknown>;
        steps.push(step);
        if (step.step === 'restart') {
          await server.restart();
          child.stdin?.write('go\n');
        }
        if (step.step === 'done') doneAt = Date.now();
      }
      const code = await exited;
      expect(stderr).toBe('');
      expect(code).toBe(0);
      // close() released everything: the process ended on its own, right after.
      expect(Date.now() - doneAt).toBeLessThan(5_000);

      const done = steps.find((s) => s.step === 'done') as Record<string, unknown>;
      expect(done, JSON.stringify(steps)).toBeTruthy();
      if ('listings.search' in appRouter._def.procedures) {
        // How many match is the listings module's business; the call itself must work.
        expect(done.search).toMatchObject({
          ok: true,
          datesAreDates: true,
          total: expect.any(Number),
        });
      } else {
        // The listings router is not in the api yet: the call is a typed NOT_FOUND.
        expect(done.search).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      }
      expect(done.errors).toMatchObject({
        isParleyError: true,
        code: 'BAD_REQUEST',
        httpStatus: 400,
        hasRequestId: true,
        fieldErrors: { id: expect.any(Array) },
      });
      expect(done.refresh).toEqual({
        calls: true,
        onTokens: 1,
        expiresIsDate: true,
        rotated: true,
        liveEvents: expect.any(Number),
      });
      expect(done.chat).toMatchObject({
        deltasMakeTheReply: true,
        replyText: true,
        recommendationDatesAreDates: true,
        state: 'open',
      });
      expect((done.chat as { deltas: number }).deltas).toBeGreaterThanOrEqual(1);
      expect(done.resume).toMatchObject({
        durable: ['1', '2', '3', '4', '5', '6'],
        types: [
          'message.created',
          'run.started',
          'assistant.completed',
          'message.created',
          'run.started',
          'assistant.completed',
        ],
      });
      const states = (done.resume as { states: string[] }).states;
      expect(states).toContain('reconnecting');
      expect(states.at(-1)).toBe('open');
      expect(done.closedState).toBe('closed');
    });
  },
);
