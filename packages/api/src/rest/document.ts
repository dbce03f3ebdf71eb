import { generateOpenApiDocument } from 'trpc-to-openapi';
import { appRouter } from '../router';
import type { ApiMeta } from '../trpc';
import { restRouter } from './router';
import { schemesOf } from './security';

/** Where the REST surface lives, under the server's public URL. */
export const REST_PREFIX = '/api/v1';

/**
 * The OpenAPI 3.1 document of the REST surface, generated from the procedures'
 * own schemas. Dates are sent as ISO 8601 strings, so an output date is a string here.
 */
export function openApiDocument(publicUrl: string) {
  const document = generateOpenApiDocument(restRouter, {
    title: 'Parley REST API',
    version: '1',
    description:
      'The queries and mutations of the Parley API that make sense without a live socket. ' +
      'Send an access token (`Authorization: Bearer ...`), or an API key (`x-api-key`) where ' +
      "an operation's `security` lists `apiKey` (the others refuse every key). " +
      'Errors answer `{ code, message, data: { code, httpStatus, requestId, fieldErrors? } }`.',
    baseUrl: `${publicUrl}${REST_PREFIX}`,
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    },
  });
  // trpc-to-openapi describes its own error body (closed to other fields); Parley answers
  // with the shape of its tRPC errors, so a strict client validates what it really gets.
  const schemas = document.components?.schemas ?? {};
  for (const name of Object.keys(schemas)) {
    if (name.startsWith('error.')) schemas[name] = errorSchema(name.slice('error.'.length));
  }
  // Codes apps/server answers before any operation runs, so no operation names them: a
  // body that is not JSON (400), a method the path does not take (405, with `Allow`), a
  // request that took too long to arrive (408), a URL and headers over 16 KB (431).
  for (const code of [
    'PARSE_ERROR',
    'METHOD_NOT_SUPPORTED',
    'TIMEOUT',
    'REQUEST_HEADER_FIELDS_TOO_LARGE',
  ]) {
    schemas[`error.${code}`] = errorSchema(code);
  }
  describeErrors(document.paths ?? {});
  declareSchemes(document.paths ?? {});
  return document;
}

type Operations = Record<string, { responses?: Record<string, object> } | undefined>;

/**
 * trpc-to-openapi keeps one description per error code for every operation (the first it
 * met); each operation gets the reasons its route gives (`errorsOf` in router.ts).
 */
function describeErrors(paths: Record<string, object>) {
  const procedures = restRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: ApiMeta } }
  >;
  for (const procedure of Object.values(procedures)) {
    const { method, path, errorResponses = {} } = procedure._def.meta?.openapi ?? {};
    if (!method || !path || Array.isArray(errorResponses)) continue;
    const responses = (paths[path] as Operations | undefined)?.[method.toLowerCase()]?.responses;
    if (!responses) continue;
    for (const [status, description] of Object.entries(errorResponses)) {
      // A copy: the adapter hands every operation the same response object.
      if (responses[status]) responses[status] = { ...responses[status], description };
    }
  }
}

type Secured = Record<string, { security?: Record<string, string[]>[] } | undefined>;

/**
 * trpc-to-openapi offers every scheme on every protected operation; each gets those its
 * tRPC procedure accepts (`schemesOf`), so a generated client never offers an API key to
 * an operation that refuses every key. A public read (`protect: false`) gets none from
 * the adapter, yet takes a credential and refuses a bad one (401): its credential is
 * optional, `{}` first.
 */
function declareSchemes(paths: Record<string, object>) {
  const procedures = restRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: ApiMeta } }
  >;
  const sources = appRouter._def.procedures as unknown as Record<string, unknown>;
  for (const procedure of Object.values(procedures)) {
    const { restOf, openapi } = procedure._def.meta ?? {};
    if (!restOf || !openapi) continue;
    const operation = (paths[openapi.path] as Secured | undefined)?.[openapi.method.toLowerCase()];
    if (!operation) continue;
    const schemes = schemesOf(sources[restOf]).map((scheme) => ({ [scheme]: [] }));
    if (openapi.protect === false) operation.security = [{}, ...schemes];
    else if (operation.security) operation.security = schemes;
  }
}

function errorSchema(code: string) {
  return {
    title: `${code} error`,
    type: 'object' as const,
    required: ['code', 'message', 'data'],
    properties: {
      code: { type: 'string' as const, example: code },
      message: { type: 'string' as const },
      data: {
        type: 'object' as const,
        required: ['code', 'httpStatus', 'requestId'],
        properties: {
          code: { type: 'string' as const, example: code },
          httpStatus: { type: 'integer' as const },
          requestId: { type: 'string' as const, description: 'quote it when you report a problem' },
          path: { type: 'string' as const, description: 'the procedure that answered' },
          fieldErrors: {
            type: 'object' as const,
            description: 'invalid input: the message(s) for each field, by its dotted path',
            additionalProperties: { type: 'array' as const, items: { type: 'string' as const } },
          },
          retryAfter: { type: 'number' as const, description: 'seconds, on TOO_MANY_REQUESTS' },
        },
      },
      issues: { type: 'array' as const, items: { type: 'object' as const } },
    },
  };
}
