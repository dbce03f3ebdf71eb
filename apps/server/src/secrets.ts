import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The JWT signing key: JWT_SECRET when configured; otherwise one generated on first
 * start and kept in the data folder (mode 600), so tokens survive a restart and no
 * key is ever a constant in the code.
 */
export async function jwtSecret(
  configured: string | undefined,
  dataDir: string,
): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48);
  await writeFile(file, `${secret.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' }).catch(
    async (error) => {
      // Another instance wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    },
  );
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
}
