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

type Annotations = NonNullable<NonNullable<SuperJSONResult['meta']>['values']>;
type Equalities = NonNullable<NonNullable<SuperJSONResult['meta']>['referentialEqualities']>;

// superjson's own escaping of one key of a path ("a.b" is the key `a` then `b`).
const escapeKey = (key: string) => key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');

/**
 * The superjson form of an object whose top-level values are `parts`, put together from
 * the parts' own forms (`wireFormOf`: the one a part already carries is not walked again).
 * It is what `superjson.serialize(parts)` gives, key for key, except where one object sits
 * in two parts: superjson then also notes that they are one object; here each part keeps
 * its own copy, equal in value. A reply that repeats the listings of an event already sent
 * costs nothing to serialise again.
 */
export function composeWire(parts: object): SuperJSONResult {
  const json: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  const equalities: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(parts) as [string, unknown][]) {
    const part =
      value !== null && typeof value === 'object' ? wireFormOf(value) : superjson.serialize(value);
    json[key] = part.json;
    const at = escapeKey(key);
    const annotations = part.meta?.values as Annotations | undefined;
    if (Array.isArray(annotations)) values[at] = annotations;
    else if (annotations) {
      for (const [path, tree] of Object.entries(annotations)) values[`${at}.${path}`] = tree;
    }
    addEqualities(equalities, at, part.meta?.referentialEqualities as Equalities | undefined);
  }
  const result: SuperJSONResult = { json: json as SuperJSONResult['json'] };
  const hasValues = Object.keys(values).length > 0;
  const hasEqualities = Object.keys(equalities).length > 0;
  if (hasValues || hasEqualities) {
    result.meta = {
      ...(hasValues ? { values: values as Annotations } : {}),
      ...(hasEqualities ? { referentialEqualities: equalities as Equalities } : {}),
      v: 1,
    };
  }
  return result;
}

/** A part's own "these paths are one object", moved under the part's key. */
function addEqualities(into: Record<string, string[]>, at: string, own: Equalities | undefined) {
  if (!own) return;
  const under = (path: string) => `${at}.${path}`;
  // `[rootPaths]` or `[rootPaths, byPath]`: the part itself is also found at rootPaths.
  const [rootPaths, byPath] = Array.isArray(own)
    ? [own[0] as string[], own[1] as Record<string, string[]> | undefined]
    : [undefined, own as Record<string, string[]>];
  if (rootPaths) into[at] = rootPaths.map(under);
  for (const [path, paths] of Object.entries(byPath ?? {})) into[under(path)] = paths.map(under);
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
