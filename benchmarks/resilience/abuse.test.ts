import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { type RedisProcess, startRedisProcess } from '@parley/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectTrpc, TrpcCallError, wsUrl } from '../src/lib/trpc-ws';
import { type CallRecord, httpClient, signUp, sleep, timed } from './clients';
import { type ParleyProcess, scenarioEnv, startParley } from './parley';
import { type PostgresProcess, startPostgres } from './services';

/**
 * Scenario 4: abuse limits. Each abuse is refused cleanly, memory stays bounded, and a
 * well-behaved client keeps being served throughout.
 */
let pg: PostgresProcess;
let redis: RedisProcess;
let parley: ParleyProcess;
let token: string;
let sessionId: string;
const probe: CallRecord[] = [];
let probing = true;
let probeLoop: Promise<void>;
let rssBefore = 0;
let rssPeak = 0;
let sampler: NodeJS.Timeout;

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedisProcess()]);
  parley = await startParley(scenarioEnv(pg.url, redis.url));
  const person = await signUp(parley.url, 'abuse');
  token = person.accessToken;
  const api = httpClient(parley.url, () => token);
  sessionId = (await api.sessions.create.mutate({})).session.id;
  // Warm up, then take the resting size.
  for (let i = 0; i < 50; i++) await api.auth.me.query();
  await sleep(500);
  rssBefore = await parley.rss();
  sampler = setInterval(() => {
    void parley.rss().then((rss) => {
      rssPeak = Math.max(rssPeak, rss);
    });
  }, 50);
  // The well-behaved client: one call every 100 ms for the whole scenario.
  probeLoop = (async () => {
    while (probing) {
      await timed('probe', probe, () => api.auth.me.query());
      await sleep(100);
    }
  })();
});
// RSS after each test, to see which abuse costs what.
afterEach(async (test) => {
  console.info(
    `abuse: RSS ${Math.round((await parley.rss()) / 2 ** 20)} MB after "${test.task.name}"`,
  );
});
afterAll(async () => {
  probing = false;
  clearInterval(sampler);
  await probeLoop;
  await parley?.stop();
  await redis?.stop();
  await pg?.destroy();
});

/** Times GET /healthz every 10 ms from a child process until stopped. */
function probeHealth(url: string) {
  const script = `
    let on = true;
    const times = [];
    process.on('message', () => { on = false; });
    (async () => {
      await fetch(${JSON.stringify(`${url}/healthz`)}).then((r) => r.text());
      process.send('ready');
      while (on) {
        const t = performance.now();
        await fetch(${JSON.stringify(`${url}/healthz`)}).then((r) => r.text());
        times.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
      process.send(times, () => process.exit(0));
    })();`;
  const child = spawn(process.execPath, ['-e', script], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise((resolve) => child.once('message', resolve));
  return {
    ready,
    stop: () =>
      new Promise<number[]>((resolve) => {
        child.once('message', (times) => resolve(times as number[]));
        child.send('stop');
      }),
  };
}

function rawSocket(path = '/trpc?connectionParams=1', headers: Record<string, string> = {}) {
  return new WebSocket(`${parley.url.replace(/^http/, 'ws')}${path}`, { headers });
}

describe('abuse limits', () => {
  it('closes a socket that sends a frame over 1 MiB (1009), and only that socket', async () => {
    const bystander = await connectTrpc(parley.url, token);
    const ws = rawSocket();
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => {});
    ws.send('x'.repeat(1_048_576 + 1_024));
    expect(await closed).toBe(1009);
    expect(await bystander.call('query', 'auth.me', undefined)).toMatchObject({ name: 'abuse' });
    bystander.close();
  });

  it('refuses an HTTP batch of 1,000 calls with one BAD_REQUEST', async () => {
    const paths = Array.from({ length: 1_000 }, () => 'auth.me').join(',');
    const started = Date.now();
    const res = await fetch(`${parley.url}/trpc/${paths}?batch=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).toContain('BAD_REQUEST');
    expect(body.length).toBeLessThan(2_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('refuses a WebSocket batch of 1,000 calls as a whole, like HTTP does', async () => {
    const socket = await connectTrpc(parley.url, token);
    const answers: string[] = [];
    socket.ws.on('message', (data: Buffer) => answers.push(data.toString()));
    const batch = Array.from({ length: 1_000 }, (_, i) => ({
      id: 10_000 + i,
      method: 'query',
      params: { path: 'auth.me', input: {} },
    }));
    socket.sendRaw(JSON.stringify(batch));
    await sleep(3_000);
    const served = answers.filter((a) => a.includes('"type":"data"')).length;
    const refused = answers.filter((a) => a.includes('"error"')).length;
    console.info(
      `abuse: WebSocket batch of 1,000: ${served} answered, ${refused} errors, e.g. ${answers[0]?.slice(0, 300)}`,
    );
    socket.close();
    // MAX_BATCH_SIZE (50) bounds HTTP batches; a WebSocket frame must not carry more work.
    expect(served).toBeLessThanOrEqual(50);
  });

  it('keeps /healthz fast while 20 unauthenticated 1 MB nested bodies arrive (HTTP and WebSocket)', async () => {
    const body = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    // /healthz is timed from a process of its own, so the attacker's work here (encoding
    // and masking 40 MB) does not count as the server's.
    const prober = probeHealth(parley.url);
    await prober.ready;
    const sockets = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const ws = rawSocket();
        ws.on('error', () => {});
        await new Promise((resolve) => ws.once('open', resolve));
        return ws;
      }),
    );
    const started = Date.now();
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () =>
        fetch(`${parley.url}/trpc/auth.login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).then((r) => r.status),
      ),
      ...sockets.map(
        (ws) =>
          new Promise<number>((resolve) => {
            ws.once('message', (data: Buffer) =>
              resolve(data.toString().includes('BAD_REQUEST') ? 400 : 0),
            );
            ws.send(body);
          }),
      ),
    ]);
    const attackMs = Date.now() - started;
    await sleep(200);
    const latencies = await prober.stop();
    for (const ws of sockets) ws.close();
    const sorted = [...latencies].sort((a, b) => a - b);
    const max = sorted.at(-1) ?? 0;
    const p50 = sorted[Math.floor(sorted.length / 2)] ?? 0;
    console.info(
      `abuse: 20 HTTP + 20 WS nested 1 MB inputs refused in ${attackMs} ms; /healthz ${latencies.length} probes, p50 ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    );
    expect(answers.every((status) => status === 400)).toBe(true);
    // Before inputs were bounded, /healthz stalled for up to 5.7 s (HTTP) and 1.9 s (WS).
    expect(max).toBeLessThan(1_000);
  });

  it('caps subscriptions per socket at 20 and keeps the socket usable', async () => {
    const socket = await connectTrpc(parley.url, token);
    // A refusal may come before or right after `started` (the cap is checked when the
    // stream begins): what counts is how many stay live.
    const ended: string[] = [];
    const outcomes = await Promise.all(
      Array.from({ length: 1_000 }, () =>
        socket
          .subscribe(
            'sessions.events',
            { sessionId, lastEventId: null },
            () => {},
            (error) => ended.push(error instanceof TrpcCallError ? error.code : String(error)),
          )
          .then(
            () => 'started',
            (error: unknown) => (error instanceof TrpcCallError ? error.code : String(error)),
          ),
      ),
    );
    await sleep(1_500);
    const refusedAtOnce = outcomes.filter((o) => o === 'TOO_MANY_REQUESTS').length;
    const refusedAfterStart = ended.filter((o) => o === 'TOO_MANY_REQUESTS').length;
    const live = outcomes.filter((o) => o === 'started').length - ended.length;
    console.info(
      `abuse: 1,000 subscriptions on one socket: ${refusedAtOnce} refused at once, ${refusedAfterStart} refused after 'started', ${live} live`,
    );
    expect(live).toBe(20);
    expect(refusedAtOnce + refusedAfterStart).toBe(980);
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    expect(await socket.call('query', 'auth.me', undefined)).toMatchObject({ name: 'abuse' });
    socket.close();
  });

  it('refuses a cross-origin WebSocket handshake (403) and CORS preflight', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = rawSocket('/trpc', { origin: 'https://evil.example' });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
    const preflight = await fetch(`${parley.url}/trpc/auth.me`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('survives a flood of connections: memory bounded, others still served', async () => {
    const FLOOD = 4_000;
    const floodStart = Date.now();
    // The other abuses' peak, before this one adds the cost of its connections.
    const peakBeforeFlood = rssPeak;
    const rssAtFlood = await parley.rss();
    let floodPeak = 0;
    const floodSampler = setInterval(() => {
      void parley.rss().then((rss) => {
        floodPeak = Math.max(floodPeak, rss);
      });
    }, 50);
    // Half never authenticate (no connectionParams), half open raw TCP and send half a request.
    const sockets: WebSocket[] = [];
    const tcp: net.Socket[] = [];
    const opened = await Promise.allSettled(
      Array.from({ length: FLOOD / 2 }, () => {
        const ws = new WebSocket(`${wsUrl(parley.url)}?connectionParams=1`);
        ws.on('error', () => {});
        sockets.push(ws);
        return new Promise<void>((resolve, reject) => {
          ws.once('open', () => resolve());
          ws.once('error', reject);
        });
      }),
    );
    const { port } = new URL(parley.url);
    for (let i = 0; i < FLOOD / 2; i++) {
      const s = net.connect(Number(port), '127.0.0.1');
      s.on('error', () => {});
      s.write('GET /trpc/auth.me HTTP/1.1\r\nHost: x\r\n');
      tcp.push(s);
    }
    await sleep(3_000);
    const duringFlood = probe.filter((r) => r.start >= floodStart);
    for (const ws of sockets) ws.terminate();
    for (const s of tcp) s.destroy();
    await sleep(2_000);
    clearInterval(floodSampler);
    const rssAfter = await parley.rss();
    const mb = (n: number) => Math.round(n / 2 ** 20);
    console.info(
      `abuse: flood of ${opened.filter((o) => o.status === 'fulfilled').length}/${FLOOD / 2} WebSockets and ${FLOOD / 2} half-open requests; RSS ${mb(rssBefore)} MB at the start of the scenario, ${mb(rssAtFlood)} MB before the flood, ${mb(floodPeak)} MB during it, ${mb(rssAfter)} MB after, ${mb(rssPeak)} MB peak overall; probe during flood: ${duringFlood.length} calls, slowest ${Math.max(...duringFlood.map((r) => r.ms))} ms`,
    );
    expect(duringFlood.length).toBeGreaterThan(10);
    expect(duringFlood.filter((r) => !r.ok)).toEqual([]);
    expect(Math.max(...duringFlood.map((r) => r.ms))).toBeLessThan(2_000);
    // Hostile input costs little more memory than its own bytes: the largest abuse is 40
    // nested 1 MB bodies at once (40 MB that must be received to be judged), so the peak
    // stays under 1.5 times that...
    expect(peakBeforeFlood - rssBefore).toBeLessThan(1.5 * 40 * 2 ** 20);
    // ...and a hostile connection no more than an idle signed-in WebSocket does (about
    // 14 KB each in `pnpm bench`'s ws.memory): 16 KB each, with GC's slack.
    expect(floodPeak - rssAtFlood).toBeLessThan(FLOOD * 16 * 2 ** 10);
  });

  it('kept serving the well-behaved client through every abuse', async () => {
    expect(parley.running()).toBe(true);
    expect(probe.length).toBeGreaterThan(20);
    expect(probe.filter((r) => !r.ok)).toEqual([]);
    const health = await new Promise<number>((resolve) =>
      http.get(`${parley.url}/healthz`, (res) => resolve(res.statusCode ?? 0)),
    );
    expect(health).toBe(200);
  });
});
