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

/**
 * How many stretches of one constant step (repeats: 0, runs such as "abcd" or "4321":
 * +1/-1) make up `text`. One or two stretches ("aaaaaaaa", "abcd1234") are guessed at once.
 */
function stretches(text: string): number {
  const codes = [...text].map((c) => c.codePointAt(0) ?? 0);
  let count = codes.length ? 1 : 0;
  let step: number | undefined;
  for (let i = 1; i < codes.length; i++) {
    const d = codes[i]! - codes[i - 1]!;
    if (Math.abs(d) > 1 || (step !== undefined && d !== step)) {
      count += 1;
      step = undefined;
    } else step = d;
  }
  return count;
}

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Why `password` is too easy to guess for this person, or null: a common password,
 * repeated or sequential characters, few different characters, or one built from their
 * email or name with little added.
 */
export function passwordWeakness(
  password: string,
  person: { email: string; name: string },
): string | null {
  if (isCommonPassword(password)) return 'is too common; choose one that is harder to guess';
  const plain = letters(password);
  if (new Set(plain).size <= 3 || stretches(plain) <= 2) {
    return 'is repeated or sequential characters; choose one that is harder to guess';
  }
  const [local = '', domain = ''] = person.email.toLowerCase().split('@');
  const parts = [local, domain.split('.')[0] ?? '', ...person.name.split(/\s+/), person.name]
    .map(letters)
    .filter((p) => p.length >= 3)
    .sort((a, b) => b.length - a.length);
  let rest = plain;
  for (const part of parts) rest = rest.split(part).join('');
  if (rest !== plain && (rest.length < 6 || stretches(rest) <= 2 || isCommonPassword(rest))) {
    return 'is built from your email or name; choose one that is harder to guess';
  }
  return null;
}
