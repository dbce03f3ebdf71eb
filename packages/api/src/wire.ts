import superjson, { type SuperJSONResult } from 'superjson';

// Non-enumerable and keyed by a symbol: invisible to JSON, superjson, spreads and tests.
const WIRE_FORM = Symbol('parley.wireForm');

type WithWireForm = { [WIRE_FORM]?: SuperJSONResult };

/**
 * Remembers the superjson form `value` already has (e.g. a cached page), so the transformer
 * sends it as it is instead of serialising the whole value again. `value` stays a normal
 * object for callers in process; `wire` must be exactly `superjson.serialize(value)`.
 */
export function withWireForm<T extends object>(value: T, wire: SuperJSONResult): T {
  Object.defineProperty(value, WIRE_FORM, { value: wire, enumerable: false });
  return value;
}

/** The superjson form of `value`, computed once: the one attached, or a new one attached. */
export function wireFormOf<T extends object>(value: T): SuperJSONResult {
  const known = (value as WithWireForm)[WIRE_FORM];
  if (known) return known;
  const wire = superjson.serialize(value);
  withWireForm(value, wire);
  return wire;
}

/** A cached value in superjson's form (anything else found under a key is a miss). */
export function isWireForm(value: unknown): value is SuperJSONResult {
  return value !== null && typeof value === 'object' && 'json' in value;
}

/** superjson both ways, except that an output with a wire form attached is sent as it is. */
export const transformer = {
  input: superjson,
  output: {
    serialize: (value: unknown): SuperJSONResult =>
      (value !== null && typeof value === 'object' && (value as WithWireForm)[WIRE_FORM]) ||
      superjson.serialize(value),
    deserialize: superjson.deserialize,
  },
};
