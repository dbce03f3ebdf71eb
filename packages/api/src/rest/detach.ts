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
  if (options.query && def.type === 'boolean') return z.stringbool();
  const copy: Record<string, unknown> = { ...def };
  for (const key of CHILDREN) {
    const child = def[key];
    if (child && typeof child === 'object' && '_zod' in child)
      copy[key] = detach(child as z.ZodType, options);
  }
  if (def.type === 'object') {
    copy.shape = Object.fromEntries(
      Object.entries(def.shape as Record<string, z.ZodType>)
        // A query string has no nested objects (a search's `bounds`): such a field is
        // left out of the GET route rather than made unreadable.
        .filter(([, v]) => !(options.query && isNestedObject(v)))
        .map(([k, v]) => [k, detach(v, options)]),
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
  return def.type === 'number' ? z.preprocess(decimalOnly, described) : described;
}

// The adapter's coercion is `Number(value)`, which reads "0x10" as 16, "1e3" as 1000 and
// "" or " " as 0. A number written as text must be plain decimal; anything else stays
// text, and the number schema refuses it naming the field.
const DECIMAL = /^-?\d+(\.\d+)?$/;
function decimalOnly(value: unknown): unknown {
  return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
}

function isNestedObject(schema: z.ZodType): boolean {
  let def = schema._zod.def as unknown as { type: string; innerType?: z.ZodType };
  while (def.innerType) def = def.innerType._zod.def as unknown as typeof def;
  return def.type === 'object';
}
