import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP's argon2id minimum: 19 MiB, 2 passes. Runs on libuv's pool, not the event loop.
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** True for one of the ~49,000 most common passwords (zxcvbn's list), case-insensitively. */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Verifying against a throwaway hash when the email is unknown makes "no such user"
 * cost the same as "wrong password", so timing does not reveal which emails exist.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword(`not-a-user-${Math.random()}`);
  await verifyPassword(await dummy, password);
}
