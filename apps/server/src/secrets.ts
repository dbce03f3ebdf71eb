import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A random key kept in the data folder (mode 600), generated on first start, so it
 * survives a restart and no key is ever a constant in the code. Instances sharing the
 * folder share the key: the first to start writes it, the others read that one.
 */
export async function dataDirKey(dataDir: string, name: string, size: number): Promise<Buffer> {
  const file = path.join(dataDir, name);
  const read = async () => Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  try {
    return check(await read(), file, size);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  // Written whole to a file of our own, then linked into place: link() fails when the
  // name exists, so an instance starting at the same moment never reads a half-written
  // key, and the loser of the race uses the winner's.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temp, `${randomBytes(size).toString('base64url')}\n`, { mode: 0o600 });
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  return check(await read(), file, size);
}

function check(key: Buffer, file: string, size: number): Buffer {
  if (key.length < size)
    throw new Error(`${file} holds ${key.length} bytes, expected ${size}: restore it or remove it`);
  return key;
}

/** The JWT signing key: JWT_SECRET when configured, else `DATA_DIR/jwt-secret`. */
export async function jwtSecret(
  configured: string | undefined,
  dataDir: string,
): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  return dataDirKey(dataDir, 'jwt-secret', 48);
}

/**
 * The AES-256 key that seals webhook signing secrets at rest: WEBHOOK_SECRETS_KEY
 * (base64url, checked by env.ts) when configured, else `DATA_DIR/webhook-secrets-key`.
 * Every instance on one database needs the same key: a secret sealed by one is opened
 * by whichever instance sends the delivery.
 */
export async function webhookSecretsKey(
  configured: string | undefined,
  dataDir: string,
): Promise<Uint8Array> {
  if (configured) return Buffer.from(configured, 'base64url');
  return dataDirKey(dataDir, 'webhook-secrets-key', 32);
}
