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
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) {
        const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
        const command = cmdline.split('\0').filter(Boolean).join(' ').slice(0, 200) || 'unknown';
        return { pid: Number(pid), command };
      }
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
