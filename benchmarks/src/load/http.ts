import autocannon from 'autocannon';
import { serve } from '../lib/ipc';

/**
 * HTTP load from a process of its own: autocannon, closed loop, a fixed number of
 * keep-alive connections for a fixed time, after a short warm-up on the same URL.
 */
interface Args {
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  pipelining?: number;
  headers?: Record<string, string>;
}

async function run(args: Args) {
  const base = {
    url: args.url,
    connections: args.connections,
    pipelining: args.pipelining ?? 1,
    headers: args.headers ?? {},
    timeout: 10,
  };
  if (args.warmupSeconds > 0) await autocannon({ ...base, duration: args.warmupSeconds });
  const result = await autocannon({ ...base, duration: args.seconds });
  return {
    rps: result.requests.average,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMean: result.latency.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    seconds: result.duration,
  };
}

serve({ run: (args: Args) => run(args) });
