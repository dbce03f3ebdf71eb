import fc from 'fast-check';
import { z } from 'zod';

/**
 * fast-check arbitraries derived from a procedure's own zod input schema, through zod's
 * JSON Schema export: `valid` follows the schema (types, bounds, enums, required keys),
 * `mutated` breaks it on purpose (wrong types, missing and extra keys, hostile strings,
 * values only superjson can carry: NaN, BigInt, Map, Set, invalid Dates).
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: JsonSchema | boolean;
  format?: string;
}

export function jsonSchemaOf(zodSchema: unknown): JsonSchema {
  return z.toJSONSchema(zodSchema as z.ZodType, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
}

/** Ids the fuzzer knows exist, so valid inputs reach past "not found" into real work. */
export interface Known {
  idFor(field: string): fc.Arbitrary<string>;
}

const TOWN_NAMES = [
  'Girne',
  'Kyrenia',
  'famagusta',
  'Lefkoşa',
  'NICOSIA',
  'İskele',
  'Bellapais',
  'Lapta',
  'Atlantis',
];
const SENTENCES = [
  '2 bedroom flat in Girne under 900',
  'villa with pool in Bellapais',
  'cheaper please',
  'hello',
  'what about Famagusta for sale under 200000?',
  'pet friendly studio',
];
const HOSTILE = [
  '',
  ' ',
  'undefined',
  'null',
  'NaN',
  '-1',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uFEFF',
  '../../etc/passwd',
  '%00%ff',
  // Template-injection probes, on purpose.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile input, not a template
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '9'.repeat(400),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0190a0a0-0000-7000-8000-00000000000g',
  'x'.repeat(5_000),
];

/** Small text of every kind: ASCII, full Unicode, control characters, NUL. */
const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ unit: 'grapheme', maxLength: max }),
    fc.string({ unit: 'binary', maxLength: max }),
  );

function stringArb(schema: JsonSchema, field: string, known: Known): fc.Arbitrary<unknown> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 300, 300);
  if (/(^id$|Id$)/.test(field))
    return fc.oneof({ weight: 4, arbitrary: known.idFor(field) }, fc.uuid());
  if (field === 'email') return fc.oneof(fc.emailAddress(), fc.constant('fuzz-main@example.com'));
  if (field === 'location') return fc.constantFrom(...TOWN_NAMES);
  if (field === 'content') {
    return fc.oneof(
      fc.constantFrom(...SENTENCES),
      anyText(max).filter((s) => s.trim().length >= 1),
    );
  }
  if (field === 'cursor')
    return fc.oneof(fc.base64String({ maxLength: 60 }), fc.string({ maxLength: 40 }));
  if (schema.format === 'uri' || field === 'images') return fc.webUrl();
  return anyText(max).filter((s) => s.length >= min);
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const step = integer ? 1 : 0.01;
  const min =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : -1e6);
  const max =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : 1e6);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  // Mostly whole or 2-decimal amounts (money), sometimes any double in range.
  const top = Math.min(max, 2_000_000);
  return fc.oneof(
    fc.integer({ min: Math.ceil(min), max: Math.floor(top) }),
    fc
      .integer({ min: Math.ceil(min * 100), max: Math.floor(Math.min(max, 20_000) * 100) })
      .map((c) => c / 100),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
  );
}

export function valid(schema: JsonSchema, known: Known, field = ''): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s) => valid(s, known, field)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const keys = Object.keys(props);
      if (keys.length === 0) {
        return fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }), {
          maxKeys: 5,
        });
      }
      const shape = Object.fromEntries(keys.map((k) => [k, valid(props[k]!, known, k)]));
      return fc.record(shape, { requiredKeys: (schema.required ?? []) as never[] });
    }
    case 'string':
      return stringArb(schema, field, known);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items ?? {}, known, field), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 12),
      });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values no schema asks for. `big` allows very large ones (request bodies, not URLs). */
export function weird(big: boolean): fc.Arbitrary<unknown> {
  const arbs: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...HOSTILE.filter((s) => big || s.length < 500)),
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.double(), // NaN, Infinity and -0 included: superjson carries them
    fc.bigInt(),
    fc.date({ noInvalidDate: false }),
    fc.boolean(),
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
    fc.object({ maxDepth: 2 }),
    fc.constant(new Set([1, 'a'])),
    fc.constant(new Map([['k', 'v']])),
    fc.constant(/.*/g),
    fc.constant(new Error('injected')),
  ];
  if (big) {
    arbs.push(
      fc.constant('y'.repeat(100_000)),
      fc.constant(Array.from({ length: 5_000 }, (_, i) => i)),
      fc.constant(deep(300)),
    );
  }
  return fc.oneof(...arbs);
}

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** A valid input with one thing broken: a field's type or value, a missing or extra key, or all of it. */
export function mutated(schema: JsonSchema, known: Known, big: boolean): fc.Arbitrary<unknown> {
  const base = valid(schema, known);
  const props = Object.keys(schema.properties ?? {});
  const keys = fc.constantFrom(...(props.length ? props : ['x']));
  const asObject = (value: unknown) => ({ ...(isObject(value) ? value : {}) });
  const replaceField = fc
    .tuple(base, keys, weird(big))
    .map(([value, key, bad]) => ({ ...asObject(value), [key]: bad }));
  const dropField = fc.tuple(base, keys).map(([value, key]) => {
    const copy: Record<string, unknown> = asObject(value);
    delete copy[key];
    return copy;
  });
  const extraField = fc
    .tuple(base, fc.string({ maxLength: 12 }), weird(big))
    .map(([value, key, bad]) => ({ ...asObject(value), [key]: bad }));
  return fc.oneof(
    { weight: 4, arbitrary: replaceField },
    { weight: 1, arbitrary: dropField },
    { weight: 1, arbitrary: extraField },
    { weight: 2, arbitrary: weird(big) },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
