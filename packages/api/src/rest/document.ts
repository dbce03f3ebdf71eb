import { generateOpenApiDocument } from 'trpc-to-openapi';
import { restRouter } from './router';

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
      'Send an access token (`Authorization: Bearer ...`) or an API key (`x-api-key`). ' +
      'Errors answer `{ code, message, data: { code, httpStatus, requestId, fieldErrors? } }`.',
    baseUrl: `${publicUrl}${REST_PREFIX}`,
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    },
  });
  return document;
}
