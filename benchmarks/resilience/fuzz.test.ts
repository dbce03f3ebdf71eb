import { randomUUID } from 'node:crypto';
import { appRouter } from '@parley/api';
import { type RedisProcess, startRedisProcess } from '@parley/testing';
import fc from 'fast-check';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectTrpc, TrpcCallError } from '../src/lib/trpc-ws';
import { httpClient, signUp, sleep } from './clients';
import { jsonSchemaOf, type Known, mutated, valid, weird } from './fuzz/arbitraries';
import { type Call, checkItem, type Finding, leaks, request, sendCalls } from './fuzz/calls';
import { type ParleyProcess, scenarioEnv, startParley } from './parley';
import { type PostgresProcess, startPostgres } from './services';

/**
 * Scenario 3: every procedure of the router, found by walking `appRouter._def.procedures`,
 * called with at least 1,000 inputs generated from its own zod schema (half valid, half
 * mutated), against a production-mode server: no INTERNAL_SERVER_ERROR, no stack, SQL or
 * driver text in any answer. Then malformed HTTP requests and WebSocket frames.
 */
const PER_PROCEDURE = 1_000;
const SEED = 20_261_121;

let pg: PostgresProcess;
let redis: RedisProcess;
let parley: ParleyProcess;

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedisProcess()]);
  parley = await startParley(scenarioEnv(pg.url, redis.url));
});
afterAll(async () => {
  await parley?.stop();
  await redis?.stop();
  await pg?.destroy();
});

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] };
}

function procedures(): { path: string; type: ProcedureDef['_def']['type']; inputs: unknown[] }[] {
  const all = (appRouter._def as unknown as { procedures: Record<string, ProcedureDef> })
    .procedures;
  return Object.entries(all).map(([path, p]) => ({
    path,
    type: p._def.type,
    inputs: p._def.inputs,
  }));
}

// Destructive procedures run last, so the others keep finding their fixtures alive.
const LAST = [
  'listings.delete',
  'sessions.end',
  'conversations.delete',
  'auth.apiKeys.revoke',
  'auth.logout',
  'auth.refresh',
];
// auth.apiKeys.create makes hundreds of keys: list them before, not after.
const order = (path: string) => (path === 'auth.apiKeys.list' ? -2 : LAST.indexOf(path));

describe('fuzzing every procedure from its own schema', () => {
  it(`${PER_PROCEDURE} generated inputs per procedure: no internal errors, no leaked internals`, async () => {
    const main = await signUp(parley.url, 'fuzz-main');
    const victim = await signUp(parley.url, 'fuzz-victim');
    // An agent, so its key may hold listings:write (a plain user's may not).
    await pg.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [main.user.id]);
    const api = httpClient(parley.url, () => main.accessToken);
    const writeKey = await api.auth.apiKeys.create.mutate({
      name: 'fuzz',
      scopes: [
        'listings:read',
        'listings:write',
        'conversations:read',
        'conversations:write',
        'sessions:write',
      ],
    });
    const spareKeys = await Promise.all(
      [1, 2].map((i) =>
        api.auth.apiKeys.create.mutate({ name: `spare${i}`, scopes: ['listings:read'] }),
      ),
    );
    const conversations = await Promise.all(
      [1, 2, 3].map(() => api.conversations.create.mutate({ title: 'fuzz' })),
    );
    const sessions = await Promise.all(
      conversations.map((c) => api.sessions.create.mutate({ conversationId: c.id })),
    );
    const keyApi = httpClient(parley.url, () => writeKey.key);
    const own = await keyApi.listings.create.mutate({
      title: 'Fuzz flat',
      description: 'A flat for the fuzzer',
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      bedrooms: 2,
      bathrooms: 1,
      areaSqm: 80,
      price: 900,
    });
    const seeded = (await api.listings.search.query({ limit: 5 })).items.map((l) => l.id);
    const repeatedMessageId = randomUUID();
    const idsFor = (path: string, field: string): string[] => {
      if (field === 'clientMessageId') return [repeatedMessageId];
      if (field === 'conversationId') return conversations.map((c) => c.id);
      if (field === 'sessionId') return sessions.map((s) => s.session.id);
      if (path.startsWith('conversations.')) return conversations.map((c) => c.id);
      if (path.startsWith('sessions.')) return sessions.map((s) => s.session.id);
      if (path.startsWith('listings.')) return [own.id, ...seeded];
      if (path === 'auth.apiKeys.revoke') return spareKeys.map((k) => k.id);
      return [randomUUID()];
    };
    const tokenFor = (path: string) => {
      if (path === 'auth.logout') return victim.accessToken;
      if (/^listings\.(create|update|delete)$/.test(path)) return writeKey.key;
      if (path === 'auth.register' || path === 'auth.login' || path === 'auth.refresh')
        return undefined;
      return main.accessToken;
    };

    const list = procedures().sort((a, b) => order(a.path) - order(b.path));
    expect(list.length).toBeGreaterThanOrEqual(25);
    const findings: Finding[] = [];
    const counts: Record<string, number> = {};
    const timings: string[] = [];
    for (const [index, proc] of list.entries()) {
      const known: Known = {
        idFor: (field) => fc.constantFrom(...idsFor(proc.path, field)),
      };
      const schema = proc.inputs.length ? jsonSchemaOf(proc.inputs[0]) : { type: 'object' };
      // A procedure without input still gets 1,000 calls: undefined, and junk it must ignore or refuse.
      const big = proc.type === 'mutation';
      const validArb =
        proc.path === 'auth.refresh'
          ? fc.record({ refreshToken: fc.oneof(fc.constant(victim.refreshToken), fc.string()) })
          : valid(schema, known);
      const arb = fc.oneof(
        validArb,
        mutated(schema, known, big),
        proc.inputs.length ? validArb : weird(false),
      );
      const inputs = fc.sample(arb, { numRuns: PER_PROCEDURE, seed: SEED + index });
      counts[proc.path] = inputs.length;
      if (proc.type === 'subscription') {
        findings.push(...(await fuzzSubscription(proc.path, inputs, main.accessToken)));
        continue;
      }
      const calls: Call[] = inputs.map((input) => ({
        path: proc.path,
        type: proc.type as Call['type'],
        input,
        token: tokenFor(proc.path),
      }));
      const started = Date.now();
      const { findings: found, sent } = await sendCalls(parley.url, calls);
      expect(sent).toBe(PER_PROCEDURE);
      findings.push(...found);
      timings.push(`${proc.path} ${Date.now() - started} ms`);
    }
    findings.push(...(await fuzzRawHttp(parley.url, main.accessToken)));
    findings.push(...(await fuzzRawWs(parley.url, main.accessToken)));

    const byProblem = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = `${f.path}: ${f.problem}`;
      byProblem.set(key, [...(byProblem.get(key) ?? []), f]);
    }
    const report = [...byProblem.entries()].map(
      ([key, list]) =>
        `${key} x${list.length}\n    input: ${list[0]!.input}\n    answer: ${list[0]!.answer}`,
    );
    if (report.length) console.info(`fuzz findings:\n${report.join('\n')}`);
    console.info(`fuzz timings: ${timings.join(', ')}`);
    console.info(
      `fuzz: ${Object.keys(counts).length} procedures x ${PER_PROCEDURE} inputs, plus malformed HTTP and WebSocket messages; ${findings.length} findings`,
    );
    expect(parley.running()).toBe(true);
    expect(report).toEqual([]);
  });
});

/** Subscriptions over WebSocket: subscribe, stop at once when it starts, check every refusal. */
async function fuzzSubscription(
  path: string,
  inputs: unknown[],
  token: string,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  let socket = await connectTrpc(parley.url, token);
  for (const input of inputs) {
    // An input superjson itself refuses to encode (a `__proto__` key) never leaves a client.
    try {
      superjson.serialize(input);
    } catch {
      continue;
    }
    if (socket.ws.readyState !== WebSocket.OPEN) socket = await connectTrpc(parley.url, token);
    try {
      const id = await Promise.race([
        socket.subscribe(path, input, () => {}),
        sleep(5_000).then(() => {
          throw new Error('no answer to a subscription within 5 s');
        }),
      ]);
      socket.unsubscribe(id);
    } catch (error) {
      if (error instanceof TrpcCallError) {
        findings.push(
          ...checkItem(
            path,
            { error: { json: { message: error.message, data: error.data } } },
            input,
            200,
          ),
        );
      } else {
        findings.push({ path, problem: String(error), input: String(input), answer: '' });
      }
    }
  }
  socket.close();
  return findings;
}

/** Requests no tRPC client would send: broken JSON and superjson, odd methods and paths. */
async function fuzzRawHttp(url: string, token: string): Promise<Finding[]> {
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const bodies = [
    '',
    '{',
    'null',
    '[]',
    '"x"',
    '{"0":',
    '{"json":{"id":"x"},"meta":{"values":{"id":["custom","Nope"]}}}',
    '{"json":{"id":"x"},"meta":{"values":{"id":["class","Nope"]}}}',
    '{"json":{"id":"x"},"meta":{"values":{"__proto__":["Date"]}}}',
    '{"json":{"id":1},"meta":{"values":{"id":["bigint"]}}}',
    '{"json":{"id":"not a date"},"meta":{"values":{"id":["Date"]}}}',
    '{"json":{"a":[1]},"meta":{"values":{"a":["set"]},"referentialEqualities":{"a":["b.c.d"]}}}',
    '{"json":{"a":1},"meta":{"referentialEqualities":{"__proto__":["a"]}}}',
    '{"json":null,"meta":{"values":["undefined"]}}',
    `{"json":"${'z'.repeat(2_000_000)}"}`,
    Buffer.from([0xff, 0xfe, 0x00, 0x01]).toString('latin1'),
  ];
  const targets = [
    ['POST', '/trpc/sessions.send'],
    ['POST', '/trpc/conversations.create'],
    ['POST', '/trpc/sessions.send,sessions.typing?batch=1'],
    ['GET', '/trpc/listings.search?input='],
    ['GET', '/trpc/listings.get?batch=1&input='],
    ['POST', '/trpc/auth.me'],
    ['GET', '/trpc/sessions.send?input='],
    ['PUT', '/trpc/auth.me'],
    ['DELETE', '/trpc/conversations.delete'],
    ['GET', '/trpc/nope.nothing'],
    ['GET', '/trpc/auth..me'],
    ['GET', '/trpc/__proto__.constructor'],
    ['GET', '/trpc/sessions.events?input='],
    ['POST', '/trpc/'],
  ] as const;
  const findings: Finding[] = [];
  for (const [method, path] of targets) {
    for (const body of bodies) {
      const withInput = path.endsWith('input=')
        ? `${path}${encodeURIComponent(body.slice(0, 4_000))}`
        : path;
      const res = await request(`${url}${withInput}`, {
        method,
        headers: {
          ...auth,
          accept: path.includes('events') ? 'text/event-stream' : 'application/json',
        },
        ...(method === 'GET' ? {} : { body }),
      }).catch((error: Error) => ({ status: 0, text: error.message }));
      // status 0: our own socket error (a 2 MB body cut short by the server's refusal), not an answer.
      const leak = res.status === 0 ? undefined : leaks(res.text);
      const shown = `${method} ${path} ${body.slice(0, 80)}`;
      if ((res.status >= 500 && res.status !== 503) || res.text.includes('INTERNAL_SERVER_ERROR'))
        findings.push({
          path,
          problem: `HTTP ${res.status} ${res.text.includes('INTERNAL_SERVER_ERROR') ? 'INTERNAL_SERVER_ERROR' : ''}`,
          input: shown,
          answer: res.text.slice(0, 400),
        });
      if (leak)
        findings.push({
          path,
          problem: `leaks internals (${leak})`,
          input: shown,
          answer: res.text.slice(0, 400),
        });
    }
  }
  return findings;
}

/** Frames no tRPC client would send, on an authenticated socket. */
async function fuzzRawWs(url: string, token: string): Promise<Finding[]> {
  const frames = [
    '{',
    'null',
    '[]',
    '42',
    '{"id":1}',
    '{"id":null,"method":"query","params":{"path":"auth.me"}}',
    '{"id":2,"method":"nope","params":{"path":"auth.me"}}',
    '{"id":3,"method":"query"}',
    '{"id":4,"method":"query","params":{"path":"__proto__"}}',
    '{"id":5,"method":"query","params":{"path":"sessions.get","input":{"json":{"id":"x"},"meta":{"values":{"id":["custom","X"]}}}}}',
    '{"id":6,"method":"subscription","params":{"path":"sessions.events","input":{"json":{"sessionId":"undefined"}}}}',
    '{"id":7,"method":"subscription","params":{"path":"auth.me"}}',
    '{"id":8,"method":"mutation","params":{"path":"sessions.events","input":{"json":{}}}}',
    '{"id":9,"method":"subscription.stop"}',
    '{"id":"x","method":"query","params":{"path":"auth.me","lastEventId":{"a":1}}}',
    '{"method":"connectionParams","data":{"token":"other"}}',
    JSON.stringify(
      Array.from({ length: 3 }, (_, i) => ({
        id: 100 + i,
        method: 'query',
        params: { path: 'auth.me' },
      })),
    ),
  ];
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/trpc?connectionParams=1`);
  const answers: string[] = [];
  ws.on('message', (data: Buffer) => answers.push(data.toString()));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  for (const frame of frames) ws.send(frame);
  ws.send(Buffer.from([0xff, 0x00, 0xfe]), { binary: true });
  await sleep(1_500);
  ws.close();
  const findings: Finding[] = [];
  for (const answer of answers) {
    const leak = leaks(answer);
    if (answer.includes('INTERNAL_SERVER_ERROR'))
      findings.push({
        path: 'ws',
        problem: 'INTERNAL_SERVER_ERROR',
        input: '(raw frames)',
        answer: answer.slice(0, 400),
      });
    if (leak)
      findings.push({
        path: 'ws',
        problem: `leaks internals (${leak})`,
        input: '(raw frames)',
        answer: answer.slice(0, 400),
      });
  }
  return findings;
}
