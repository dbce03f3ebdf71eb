import { readdir, readFile, readlink } from 'node:fs/promises';

export interface PortHolder {
  pid: number;
  command: string;
}

/** Socket inodes listening on `port`, from /proc/net/tcp{,6} (Linux only). */
async function listeningInodes(port: number): Promise<Set<string>> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols[1] is local "ADDR:PORT", cols[3] the state (0A = LISTEN), cols[9] the inode.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  return inodes;
}

/**
 * Which process holds a port, where the OS lets us read it. Only reads; never signals.
 * Returns undefined on other platforms or when the holder is not visible to us.
 */
export async function findPortHolder(port: number): Promise<PortHolder | undefined> {
  const inodes = await listeningInodes(port);
  if (!inodes.size) return undefined;
  const pids = (await readdir('/proc').catch(() => [])).filter((d) => /^\d+$/.test(d));
  const holds = async (pid: string) => {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    const targets = await Promise.all(
      fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')),
    );
    return targets.some((t) => inodes.has(/^socket:\[(\d+)\]$/.exec(t)?.[1] ?? ''));
  };
  // Processes are looked at a batch at a time: one by one takes ~0.3 s on a busy machine,
  // and the busy-port message must come within 2 s.
  for (let i = 0; i < pids.length; i += 32) {
    const batch = pids.slice(i, i + 32);
    const found = batch[(await Promise.all(batch.map(holds))).indexOf(true)];
    if (found) {
      const cmdline = await readFile(`/proc/${found}/cmdline`, 'utf8').catch(() => '');
      const command = cmdline.split('\0').filter(Boolean).join(' ').slice(0, 200) || 'unknown';
      return { pid: Number(found), command };
    }
  }
  return undefined;
}

export function portBusyMessage(
  host: string,
  port: number,
  holder: PortHolder | undefined,
): string {
  const who = holder ? ` by pid ${holder.pid} (${holder.command})` : '';
  return `Port ${port} on ${host} is already in use${who}. Nothing was stopped; start Parley on another port with PORT=<number>, or PORT=0 for any free port.`;
}
