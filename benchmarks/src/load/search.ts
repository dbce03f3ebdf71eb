import http from 'node:http';
import pg from 'pg';
import superjson from 'superjson';
import { serve } from '../lib/ipc';
import { now } from '../lib/stats';

/**
 * Search latency from a process of its own, one request at a time: Parley's listings.search
 * over HTTP (keep-alive), and the same SQL through plain `pg`.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function parley(args: { url: string; inputs: unknown[] }) {
  const latencies: number[] = [];
  let items = 0;
  for (const input of args.inputs) {
    const url = `${args.url}/trpc/listings.search?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    const start = now();
    const res = await get(url);
    latencies.push(now() - start);
    if (res.status !== 200)
      throw new Error(`listings.search answered ${res.status}: ${res.body.slice(0, 500)}`);
    items += (JSON.parse(res.body) as { result: { data: { json: { items: unknown[] } } } }).result
      .data.json.items.length;
  }
  return { latencies, items };
}

interface Statement {
  text: string;
  values: unknown[];
}

async function plain(args: {
  url: string;
  statements: { page: Statement; count: Statement | null }[];
}) {
  // Two connections, page and count side by side: what Parley does with them.
  const pool = new pg.Pool({ connectionString: args.url, max: 2 });
  const latencies: number[] = [];
  let items = 0;
  try {
    await Promise.all([pool.query('SELECT 1'), pool.query('SELECT 1')]);
    for (const { page, count } of args.statements) {
      const start = now();
      const [rows] = await Promise.all([
        pool.query(page.text, page.values),
        count ? pool.query(count.text, count.values) : null,
      ]);
      latencies.push(now() - start);
      items += Math.min(rows.rowCount ?? 0, 20);
    }
  } finally {
    await pool.end();
  }
  return { latencies, items };
}

serve({ parley, plain });
