import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { codeForStatus, isParleyError, ParleyError } from '../src/errors';
import type { ParleyErrorCode, ParleyErrorData } from '../src/public';

/** What the server's errorFormatter sends, as tRPC's client receives it. */
function serverError(data: ParleyErrorData, message = 'failed') {
  return TRPCClientError.from({ error: { code: -32600, message, data } });
}

describe('ParleyError.from', () => {
  it('carries the server error data: code, status, request id, field errors', () => {
    const error = ParleyError.from(
      serverError(
        {
          code: 'BAD_REQUEST',
          httpStatus: 400,
          requestId: 'req-1',
          path: 'sessions.send',
          fieldErrors: { sessionId: ['must be a UUID'] },
        },
        'sessionId: must be a UUID',
      ),
    );
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'ParleyError',
      message: 'sessionId: must be a UUID',
      code: 'BAD_REQUEST',
      httpStatus: 400,
      requestId: 'req-1',
      path: 'sessions.send',
      fieldErrors: { sessionId: ['must be a UUID'] },
      retryAfter: undefined,
    });
    // Still a tRPC error: shape and data are there for tRPC and React Query helpers.
    expect(error.data?.requestId).toBe('req-1');
    expect(error.shape?.code).toBe(-32600);
    expect(ParleyError.from(error)).toBe(error);
  });

  it('carries retryAfter for TOO_MANY_REQUESTS', () => {
    const error = ParleyError.from(
      serverError({ code: 'TOO_MANY_REQUESTS', httpStatus: 429, requestId: 'r', retryAfter: 42 }),
    );
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429, retryAfter: 42 });
  });

  it('a fetch that failed is a NETWORK_ERROR with no status', () => {
    const error = ParleyError.from(TRPCClientError.from(new TypeError('fetch failed')));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', httpStatus: 0, requestId: undefined });
    expect(error.message).toBe('fetch failed');
  });

  it('an HTTP error without a tRPC body (a proxy, a starting server) maps its status', () => {
    const response = new Response('{"status":"starting"}', {
      status: 503,
      headers: { 'x-request-id': 'req-503' },
    });
    const error = ParleyError.from(
      new TRPCClientError('Unable to transform response from server', { meta: { response } }),
    );
    expect(error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      httpStatus: 503,
      requestId: 'req-503',
    });
  });

  it("eventsource's error event for a refused stream keeps its status", () => {
    const event = Object.assign(new Event('error'), {
      code: 401,
      message: 'Non-200 status code (401)',
    });
    expect(ParleyError.from(TRPCClientError.from(event))).toMatchObject({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
    });
  });

  it('an aborted call is CLIENT_CLOSED_REQUEST', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(ParleyError.from(TRPCClientError.from(abort)).code).toBe('CLIENT_CLOSED_REQUEST');
    expect(ParleyError.from(abort).code).toBe('CLIENT_CLOSED_REQUEST');
  });

  it('anything else becomes a ParleyError too', () => {
    expect(ParleyError.from('boom')).toMatchObject({ code: 'NETWORK_ERROR', message: 'boom' });
    expect(ParleyError.from({})).toBeInstanceOf(ParleyError);
  });
});

describe('isParleyError', () => {
  it('knows ParleyErrors, also from another copy of the SDK, and nothing else', () => {
    const error = new ParleyError('x', { code: 'NOT_FOUND', httpStatus: 404 });
    expect(isParleyError(error)).toBe(true);
    const fromOtherBundle = Object.defineProperty(
      new Error('x'),
      Symbol.for('@parley/sdk.ParleyError'),
      {
        value: true,
      },
    );
    expect(isParleyError(fromOtherBundle)).toBe(true);
    expect(isParleyError(new Error('x'))).toBe(false);
    expect(isParleyError(TRPCClientError.from(new Error('x')))).toBe(false);
    expect(isParleyError(null)).toBe(false);
  });
});

describe('codeForStatus', () => {
  it.each([
    [401, 'UNAUTHORIZED'],
    [404, 'NOT_FOUND'],
    [429, 'TOO_MANY_REQUESTS'],
    [502, 'BAD_GATEWAY'],
    [503, 'SERVICE_UNAVAILABLE'],
    [599, 'INTERNAL_SERVER_ERROR'],
    [418, 'BAD_REQUEST'],
  ] as [number, ParleyErrorCode][])('%i -> %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});
