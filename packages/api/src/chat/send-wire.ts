import type { SuperJSONResult } from 'superjson';

type Meta = NonNullable<SuperJSONResult['meta']>;
type JsonObject = Record<string, unknown>;

/**
 * The superjson form of a turn's answer `{ userMessage, assistantMessage, reply }`, put
 * together from the forms its two durable events already have (`message.created`:
 * `{ type, message }`, `assistant.completed`: `{ type, message, reply }`): the same
 * values under other top-level keys, so only the annotations' paths change. It spares a
 * second walk of the reply's listings (a few percent of a turn's CPU). Undefined when a
 * form has a shape this does not handle (an annotated root); the caller then serialises.
 */
export function sendResultWire(
  created: SuperJSONResult,
  completed: SuperJSONResult,
): SuperJSONResult | undefined {
  const createdJson = created.json as JsonObject;
  const completedJson = completed.json as JsonObject;
  const parts: [SuperJSONResult, Record<string, string>][] = [
    [created, { message: 'userMessage' }],
    [completed, { message: 'assistantMessage', reply: 'reply' }],
  ];
  const values: Record<string, unknown> = {};
  const equalities: Record<string, string[]> = {};
  let version: number | undefined;
  for (const [form, renames] of parts) {
    const meta = form.meta as Meta | undefined;
    if (!meta) continue;
    if (Array.isArray(meta.values) || Array.isArray(meta.referentialEqualities)) return undefined;
    for (const [path, tree] of Object.entries(meta.values ?? {})) {
      const to = rerooted(path, renames);
      if (to === undefined) return undefined;
      values[to] = tree;
    }
    for (const [path, paths] of Object.entries(meta.referentialEqualities ?? {})) {
      const to = rerooted(path, renames);
      const others = paths.map((p) => rerooted(p, renames));
      if (to === undefined || others.some((p) => p === undefined)) return undefined;
      equalities[to] = others as string[];
    }
    version ??= (meta as { v?: number }).v;
  }
  const json = {
    userMessage: createdJson.message,
    assistantMessage: completedJson.message,
    reply: completedJson.reply,
  };
  const hasValues = Object.keys(values).length > 0;
  const hasEqualities = Object.keys(equalities).length > 0;
  if (!hasValues && !hasEqualities) return { json } as SuperJSONResult;
  const meta = {
    ...(hasValues ? { values } : {}),
    ...(hasEqualities ? { referentialEqualities: equalities } : {}),
    ...(version !== undefined ? { v: version } : {}),
  };
  return { json, meta } as SuperJSONResult;
}

/**
 * A superjson path ("message.metadata.recommendations.0.createdAt") moved under a new
 * top-level key. The top-level keys here contain no dots, so the first dot ends them.
 */
function rerooted(path: string, renames: Record<string, string>): string | undefined {
  const dot = path.indexOf('.');
  const head = dot === -1 ? path : path.slice(0, dot);
  const to = renames[head];
  if (to === undefined) return undefined;
  return dot === -1 ? to : `${to}${path.slice(dot)}`;
}
