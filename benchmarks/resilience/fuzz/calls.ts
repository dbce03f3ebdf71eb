import http from 'node:http';
import superjson from 'superjson';

/**
 * Sends fuzzed calls to Parley over HTTP the way tRPC's batch link does (queries as GET,
 * mutations as POST, up to MAX_BATCH_SIZE per request) and checks every answer.
 */
export interface Call {
  path: string;
  type: 'query' | 'mutation';
  input: unknown;
  token?: string | undefined;
}

export interface Finding {
  path: string;
  problem: string;
  input: string;
  answer: string;
}

// What a client must never see: stack frames, source paths, SQL, driver or database text.
const LEAK = [
  /\bat [\w$.<>[\]]+ \(/,
  /\bat (async )?\/\w/,
  /\.(ts|js|mjs|cjs):\d+/,
  /node_modules/,
  /"stack"/,
  /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|RETURNING)\b/,
  /sequelize/i,
  /\bpg_\w+/,
  /relation "|violates|duplicate key|syntax error at|invalid input syntax|invalid byte sequence|out of range for type|value too long for type|unterminated quoted/i,
  /ECONNREFUSED|ECONNRESET|postgres|redis/i,
];

export function leaks(text: string): string | undefined {
  return LEAK.find((re) => re.test(text))?.source;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

export function request(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method, agent, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function serialise(input: unknown): unknown {
  try {
    return superjson.serialize(input);
  } catch {
    // Objects without a prototype, and the like: sent as plain JSON instead.
    try {
      return { json: JSON.parse(JSON.stringify(input) ?? 'null') };
    } catch {
      return { json: null };
    }
  }
}

const describe = (input: unknown) => {
  try {
    const text = JSON.stringify(serialise(input)) ?? 'undefined';
    return text.length > 300 ? `${text.slice(0, 300)}... (${text.length} chars)` : text;
  } catch {
    return '(unprintable)';
  }
};

/** Checks one answer item (a batch element or a whole response). */
export function checkItem(path: string, item: unknown, input: unknown, status: number): Finding[] {
  const findings: Finding[] = [];
  const answer = JSON.stringify(item) ?? 'undefined';
  const error = (item as { error?: { json?: { data?: { code?: string } } } } | null)?.error;
  const code = error?.json?.data?.code;
  const push = (problem: string) =>
    findings.push({ path, problem, input: describe(input), answer: answer.slice(0, 600) });
  if (status >= 500 && status !== 503) push(`HTTP ${status}`);
  if (code === 'INTERNAL_SERVER_ERROR') push('INTERNAL_SERVER_ERROR');
  if (error) {
    const leak = leaks(JSON.stringify(error));
    if (leak) push(`error text leaks internals (${leak})`);
  }
  return findings;
}

/** Groups calls of one path and type into batched requests that fit URL and body limits. */
function batches(calls: Call[], maxBatch: number): Call[][] {
  const out: Call[][] = [];
  let current: Call[] = [];
  let size = 0;
  for (const call of calls) {
    const length = JSON.stringify(serialise(call.input))?.length ?? 10;
    const limit = call.type === 'query' ? 6_000 : 700_000;
    const sameGroup =
      current.length === 0 || (current[0]!.type === call.type && current[0]!.token === call.token);
    if (current.length && (!sameGroup || current.length >= maxBatch || size + length > limit)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(call);
    size += length;
  }
  if (current.length) out.push(current);
  return out;
}

export async function sendCalls(
  url: string,
  calls: Call[],
  maxBatch = 50,
  concurrency = 4,
): Promise<{ findings: Finding[]; sent: number }> {
  const findings: Finding[] = [];
  const groups = batches(calls, maxBatch);
  let next = 0;
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < groups.length) {
        const group = groups[next++]!;
        const paths = group.map((c) => c.path).join(',');
        const inputs = Object.fromEntries(group.map((c, i) => [String(i), serialise(c.input)]));
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        const token = group[0]!.token;
        if (token) headers.authorization = `Bearer ${token}`;
        const res =
          group[0]!.type === 'query'
            ? await request(
                `${url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`,
                { method: 'GET', headers },
              )
            : await request(`${url}/trpc/${paths}?batch=1`, {
                method: 'POST',
                headers,
                body: JSON.stringify(inputs),
              });
        sent += group.length;
        let parsed: unknown;
        try {
          parsed = JSON.parse(res.text);
        } catch {
          findings.push({
            path: paths.slice(0, 60),
            problem: `HTTP ${res.status}, not JSON`,
            input: '',
            answer: res.text.slice(0, 300),
          });
          continue;
        }
        if (Array.isArray(parsed)) {
          for (const [i, item] of parsed.entries())
            findings.push(...checkItem(group[i]!.path, item, group[i]!.input, res.status));
        } else {
          // One error for the whole batch (e.g. a body too large): still a well-formed tRPC error?
          findings.push(
            ...checkItem(group[0]!.path, parsed, `batch of ${group.length}`, res.status),
          );
        }
      }
    }),
  );
  return { findings, sent };
}
