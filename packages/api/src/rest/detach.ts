import { z } from 'zod';

// Keys of a zod v4 definition that hold child schemas.
const CHILDREN = ['innerType', 'in', 'out', 'element', 'keyType', 'valueType', 'left', 'right'];

/**
 * A deep copy of `schema` for the REST adapter. The adapter coerces query and body values
 * by switching `coerce` on in the number and boolean schemas it is given; on a copy, the
 * router's own schemas (and so tRPC callers) are never changed. In a query string a
 * boolean is `true`/`false` (`1`/`0`, `yes`/`no`): plain coercion would read "false" as
 * true.
 */
export function detach(schema: z.ZodType, options: { query: boolean }): z.ZodType {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  if (options.query && def.type === 'boolean') return z.preprocess(oneValue, z.stringbool());
  const copy: Record<string, unknown> = { ...def };
  for (const key of CHILDREN) {
    const child = def[key];
    if (child && typeof child === 'object' && '_zod' in child)
      copy[key] = detach(child as z.ZodType, options);
  }
  if (def.type === 'object') {
    copy.shape = Object.fromEntries(
      Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, v]) => {
        // A query string has no nested objects: a search's `bounds` is given as its own
        // fields (`north`, `south`, `east`, `west`), put back together by `regroup`.
        if (!(options.query && isNestedObject(v))) return [[k, detach(v, options)]];
        return Object.entries(nestedShape(v)).map(([inner, field]) => [
          inner,
          detach(field, options)
            .meta({ description: `part of \`${k}\`: give all of its fields, or none` })
            .optional(),
        ]);
      }),
    );
  }
  if (def.type === 'union' && Array.isArray(def.options)) {
    copy.options = (def.options as z.ZodType[]).map((o) => detach(o, options));
  }
  // What `.meta()` said (a format, a description) is kept by instance: the copy says it too.
  const { id: _, ...meta } = schema.meta() ?? {};
  // An id is a string piped into `z.uuid()`: the document describes the input side, a plain
  // string, unless the format it must have is carried over (`format: uuid`).
  const out = def.type === 'pipe' ? (def.out as z.ZodType)._zod.def : undefined;
  if (out && 'format' in out) meta.format = out.format;
  // A custom check (the JSON-object validator behind `metadata`) has no JSON Schema of its
  // own; the document describes it as an object, and the router's schema still checks it.
  if (def.type === 'custom') meta.override = { type: 'object' };
  // A default around a number (now a preprocessing pipe, below) is not carried by the
  // document on its own.
  if (def.type === 'default') meta.override = { default: def.defaultValue };
  const copied = schema.clone(copy as never);
  const described = Object.keys(meta).length ? copied.meta(meta) : copied;
  if (def.type === 'object' && options.query) {
    const groups = Object.values(nestedFields(schema));
    if (groups.length) return (described as z.ZodObject).superRefine(wholeGroups(groups));
  }
  if (def.type === 'number') return z.preprocess(decimalOnly(options.query), described);
  return options.query && LEAVES.has(def.type as string)
    ? z.preprocess(oneValue, described)
    : described;
}

// Where a query value lands as it is. The adapter hands a repeated parameter
// (`?limit=1&limit=2`) over as an array; a field that takes one value says so, rather
// than "expected number, received NaN". An array field's items are never arrays.
const LEAVES = new Set(['string', 'enum', 'literal']);
function oneValue(value: unknown, ctx: z.RefinementCtx): unknown {
  if (!Array.isArray(value)) return value;
  ctx.addIssue({ code: 'custom', message: 'is given more than once: send one value' });
  return z.NEVER;
}

// The adapter's coercion is `Number(value)`, which reads "0x10" as 16, "1e3" as 1000 and
// "" or " " as 0. A number written as text must be plain decimal and finite (400 digits
// would be Infinity); anything else is refused here, naming the field and what was sent.
const DECIMAL = /^-?\d+(\.\d+)?$/;
const decimalOnly =
  (query: boolean) =>
  (value: unknown, ctx: z.RefinementCtx): unknown => {
    if (query && Array.isArray(value)) return oneValue(value, ctx);
    if (typeof value !== 'string') return value;
    const number = DECIMAL.test(value) ? Number(value) : Number.NaN;
    if (Number.isFinite(number)) return number;
    // Quoted, and cut short: the answer names what was sent without echoing a long input.
    const sent = value.length > 24 ? `${value.slice(0, 24)}...` : value;
    ctx.addIssue({
      code: 'custom',
      message: `must be a plain decimal number such as 20 or 1500.50 (got ${JSON.stringify(sent)})`,
    });
    return z.NEVER;
  };

const COUNTS: Record<number, string> = { 3: 'three', 4: 'four', 5: 'five' };

/**
 * A flattened object is given whole or not at all, checked under the names the query
 * uses: `?north=35.4` alone names `south`, `east` and `west`, not `bounds.south`.
 */
function wholeGroups(groups: string[][]) {
  return (input: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const keys of groups) {
      const missing = keys.filter((key) => input[key] === undefined);
      if (missing.length === 0 || missing.length === keys.length) continue;
      const list = `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
      const all = keys.length === 2 ? 'both' : `all ${COUNTS[keys.length] ?? keys.length} of`;
      for (const key of missing) {
        ctx.addIssue({ code: 'custom', path: [key], message: `give ${all} ${list}, or none` });
      }
    }
  };
}

function isNestedObject(schema: z.ZodType): boolean {
  return unwrapped(schema).type === 'object';
}

function unwrapped(schema: z.ZodType) {
  let def = schema._zod.def as unknown as {
    type: string;
    innerType?: z.ZodType;
    shape?: Record<string, z.ZodType>;
  };
  while (def.innerType) def = def.innerType._zod.def as unknown as typeof def;
  return def;
}

function nestedShape(schema: z.ZodType): Record<string, z.ZodType> {
  return unwrapped(schema).shape ?? {};
}

/**
 * A query input's nested objects, each with the fields it is given as in a query string
 * (`{ bounds: ['north', 'south', 'east', 'west'] }`); none for a body.
 */
export function nestedFields(schema: z.ZodType | undefined): Record<string, string[]> {
  const shape = schema ? unwrapped(schema).shape : undefined;
  if (!shape) return {};
  return Object.fromEntries(
    Object.entries(shape)
      .filter(([, v]) => isNestedObject(v))
      .map(([k, v]) => [k, Object.keys(nestedShape(v))]),
  );
}

/**
 * Puts a query's flattened fields back in their object (`north` ... into `bounds`), as the
 * router takes them; an object none of whose fields were given stays out.
 */
export function regroup(input: unknown, nested: Record<string, string[]>): unknown {
  if (!input || typeof input !== 'object' || !Object.keys(nested).length) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [field, keys] of Object.entries(nested)) {
    const given = keys.filter((key) => out[key] !== undefined);
    if (!given.length) continue;
    out[field] = Object.fromEntries(given.map((key) => [key, out[key]]));
    for (const key of keys) delete out[key];
  }
  return out;
}
