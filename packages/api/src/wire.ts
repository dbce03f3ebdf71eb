import { forbiddenKeyPath } from '@parley/validators';
import superjson, { type SuperJSONResult } from 'superjson';
import { fieldError } from './errors';

// Non-enumerable and keyed by symbols: invisible to JSON, superjson, spreads and tests.
const WIRE_FORM = Symbol('parley.wireForm');
const TAG = Symbol('parley.wireTag');

type WithWireForm = { [WIRE_FORM]?: SuperJSONResult };
type Tagged = { [TAG]?: object };

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

/**
 * Marks `value` with `tag`, for code that sees only the serialised response (a WebSocket
 * encoder): a tagged event yielded with `tracked(id, value)` comes out of the transformer as a
 * serialised form carrying the same tag (`tagOf`). Serialises exactly like `value`.
 */
export function withTag<T extends object>(value: T, tag: object): T {
  Object.defineProperty(value, TAG, { value: tag, enumerable: false });
  return value;
}

/** The tag `withTag` put on a value (or on the serialised form of a tagged tracked event). */
export function tagOf(value: unknown): object | undefined {
  return value !== null && typeof value === 'object' ? (value as Tagged)[TAG] : undefined;
}

/**
 * superjson both ways, except that an output with a wire form attached is sent as it is,
 * and a tracked event (`{ id, data }`) whose data is tagged gets its serialised form tagged.
 */
export const transformer = {
  input: {
    serialize: superjson.serialize,
    // superjson would silently drop a `__proto__` while copying: refused first, by name.
    deserialize: (value: unknown): unknown => {
      const forbidden = forbiddenKeyPath((value as { json?: unknown } | null)?.json);
      if (forbidden) throw fieldError(forbidden.join('.'), 'is not an allowed key');
      try {
        return superjson.deserialize(value as SuperJSONResult);
      } catch (error) {
        // No input at all is tRPC's own "not a tRPC message" (it maps this error).
        if (value === null || typeof value !== 'object') throw error;
        // A hostile `meta` (a `__proto__` path, an unknown type): superjson's own message
        // names its internals, so the caller gets a plain field error instead.
        throw fieldError('input', 'is not valid superjson');
      }
    },
  },
  output: {
    serialize: (value: unknown): SuperJSONResult => {
      if (value === null || typeof value !== 'object') return superjson.serialize(value);
      const known = (value as WithWireForm)[WIRE_FORM];
      if (known) return known;
      const wire = superjson.serialize(value);
      const tag = tagOf((value as { data?: unknown }).data);
      return tag ? withTag(wire, tag) : wire;
    },
    deserialize: superjson.deserialize,
  },
};
