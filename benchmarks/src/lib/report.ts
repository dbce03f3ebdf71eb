import { execSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchRoot, repoRoot } from './ipc';
import { round } from './stats';

/** One line of results/latest.json and of the table in docs/BENCHMARKS.md. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The baseline measured in the same run, on the same data (null: the target is absolute). */
  baseline: number | null;
  /** value / baseline. */
  ratio: number | null;
  target: string;
  /** null: reported, no target to pass. */
  pass: boolean | null;
  /** What the figure and baseline are, and anything worth knowing to read them. */
  detail?: string;
}

export function result(r: Omit<BenchResult, 'ratio'> & { ratio?: number | null }): BenchResult {
  const ratio =
    r.ratio !== undefined ? r.ratio : r.baseline ? round(r.value / r.baseline, 3) : null;
  // Keys in the documented order: name, value, unit, baseline, ratio, target, pass, detail.
  return {
    name: r.name,
    value: round(r.value),
    unit: r.unit,
    baseline: r.baseline === null ? null : round(r.baseline),
    ratio,
    target: r.target,
    pass: r.pass,
    ...(r.detail ? { detail: r.detail } : {}),
  };
}

const fmt = (n: number | null, unit = '') =>
  n === null || Number.isNaN(n)
    ? '-'
    : `${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}${unit}`;

export function printResult(r: BenchResult): void {
  const verdict = r.pass === null ? 'reported' : r.pass ? 'PASS' : 'MISS';
  process.stdout.write(
    `  ${r.name.padEnd(28)} ${fmt(r.value).padStart(10)} ${r.unit.padEnd(8)} baseline ${fmt(r.baseline).padStart(10)}  ratio ${fmt(r.ratio, 'x').padStart(7)}  target ${r.target}  [${verdict}]\n`,
  );
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  os: string;
  date: string;
  commit: string;
  /** Load average at the start of the run: another process competing for the two cores shows here. */
  loadAverage: number[];
}

export function machine(): Machine {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {}
  return {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    commit,
    loadAverage: os.loadavg().map((n) => round(n, 2)),
  };
}

const START = '<!-- results:start (written by pnpm bench) -->';
const END = '<!-- results:end -->';

function table(results: BenchResult[], m: Machine, mode: string, notes: string[]): string {
  const rows = results.map((r) => {
    const verdict = r.pass === null ? 'reported' : r.pass ? 'pass' : '**miss**';
    return `| \`${r.name}\` | ${fmt(r.value)} ${r.unit} | ${fmt(r.baseline)} | ${fmt(r.ratio, 'x')} | ${r.target} | ${verdict} |`;
  });
  return [
    START,
    '',
    `Run: \`pnpm bench${mode === 'quick' ? ' --quick' : ''}\` on ${m.date.slice(0, 16).replace('T', ' ')} UTC, commit \`${m.commit}\`.`,
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGb} GB memory, Node ${m.node}, ${m.os}; load average at start ${m.loadAverage.join(' / ')}.`,
    ...notes.map((n) => `${n}`),
    '',
    '| name | value | baseline | ratio | target | result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'What each baseline is, per row:',
    '',
    ...results.filter((r) => r.detail).map((r) => `- \`${r.name}\`: ${r.detail}`),
    '',
    END,
  ].join('\n');
}

/** Writes results/latest.json and the generated section of docs/BENCHMARKS.md. */
export async function writeResults(
  results: BenchResult[],
  m: Machine,
  mode: string,
  notes: string[],
): Promise<void> {
  const dir = path.join(benchRoot, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(
    path.join(dir, 'latest-machine.json'),
    `${JSON.stringify({ ...m, mode, notes }, null, 2)}\n`,
  );
  const docPath = path.join(repoRoot, 'docs/BENCHMARKS.md');
  let doc: string;
  try {
    doc = await readFile(docPath, 'utf8');
  } catch {
    doc = `# Benchmarks\n\n## Latest results\n\n${START}\n${END}\n`;
  }
  const section = table(results, m, mode, notes);
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  doc =
    start >= 0 && end > start
      ? `${doc.slice(0, start)}${section}${doc.slice(end + END.length)}`
      : `${doc.trimEnd()}\n\n## Latest results\n\n${section}\n`;
  await writeFile(docPath, doc);
}
