import { z } from 'zod';

/**
 * Keys that are refused anywhere in stored JSON: they reach prototypes in JavaScript, and
 * the wire format refuses to send them back, so a conversation holding one could no
 * longer be read.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored, or null. PostgreSQL refuses NUL in text and json, and a
 * lone surrogate is not valid UTF-8: both failed inside the database instead of here.
 */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must not contain unpaired surrogate characters';
  return null;
}

// Characters that show nothing besides white space: soft hyphen, joiners and zero-width
// spaces, direction marks, the byte order mark, variation selectors, Hangul fillers.
const INVISIBLE = new Set([
  0xad, 0x34f, 0x61c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x3164, 0xfeff, 0xffa0,
]);
const INVISIBLE_RANGES: [number, number][] = [
  [0x180b, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
];
const SPACE = /\s/;

/** Whether a person would see anything of `value` (not only spaces or invisible marks). */
export function hasVisibleText(value: string): boolean {
  for (const char of value) {
    if (SPACE.test(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    if (INVISIBLE.has(code) || INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to))
      continue;
    return true;
  }
  return false;
}

// Embedding and override marks that turn the text after them around (U+202A-202E,
// U+2066-2069): in a name they make "Admin" out of other letters.
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * A name people see beside what someone wrote (a person's, a key's): at most `max`
 * characters, not blank to the eye, and without marks that reverse how it reads.
 */
export function displayName(max = 100) {
  return safeText()
    .trim()
    .min(1, { error: 'is required' })
    .max(max)
    .refine(hasVisibleText, { message: 'must not be blank' })
    .refine((value) => !DIRECTION_CONTROLS.test(value), {
      message: 'must not contain text-direction controls',
    });
}

/** A string that PostgreSQL and every client can store and read back. */
export function safeText() {
  return z.string().superRefine((value, ctx) => {
    const problem = textProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const MAX_JSON_DEPTH = 16;

interface JsonProblem {
  path: (string | number)[];
  message: string;
}

/** The first thing in `value` (keys, strings, nesting) that may not be stored. */
function jsonProblem(value: unknown, path: (string | number)[], depth: number): JsonProblem | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, message: problem } : null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? null : { path, message: 'must be a finite number' };
  }
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value !== 'object') return { path, message: 'must be JSON' };
  if (depth >= MAX_JSON_DEPTH) {
    return { path, message: `must be nested at most ${MAX_JSON_DEPTH} levels deep` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = jsonProblem(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    return { path, message: 'must be plain JSON' };
  }
  // Own keys, including a `__proto__` that JSON.parse created as an own property.
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') return { path, message: 'must be plain JSON' };
    if (FORBIDDEN_KEYS.has(key)) return { path: [...path, key], message: 'is not an allowed key' };
    const keyProblem = textProblem(key);
    // The key itself is not echoed in the path: it is what cannot be shown.
    if (keyProblem) return { path, message: `has a key that ${keyProblem}` };
    const found = jsonProblem((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * A JSON object safe to store and read back: no forbidden keys, no NUL or lone
 * surrogates in keys or strings, finite numbers, bounded nesting. A problem is reported at
 * its own path (`metadata.a.__proto__`).
 */
export function safeJsonObject(options: { maxKeyLength?: number } = {}) {
  // A record drops an own `__proto__` key while copying; callers decoding raw JSON refuse
  // that key before this runs (the tRPC transformer and the REST body reader do).
  return z
    .record(z.string().max(options.maxKeyLength ?? 100), z.unknown())
    .superRefine((value, ctx) => {
      const problem = jsonProblem(value, [], 0);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
    });
}

/**
 * The path of the first key in decoded JSON that reaches prototypes, or null. Used on raw
 * input before it is copied into records, which would drop a `__proto__` silently.
 */
export function forbiddenKeyPath(value: unknown, path: string[] = []): string[] | null {
  if (value === null || typeof value !== 'object') return null;
  const keys = Array.isArray(value) ? value.keys() : Object.keys(value);
  for (const key of keys) {
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return [...path, key];
    path.push(String(key));
    const found = forbiddenKeyPath((value as Record<string | number, unknown>)[key], path);
    path.pop();
    if (found) return found;
  }
  return null;
}
