import { TRPCClientError } from '@trpc/client';
import type { ParleyErrorData, ParleyErrorShape, ParleyRouter } from './generated/router';

/**
 * What went wrong, as a tRPC error code from the server, or `NETWORK_ERROR` when no
 * answer came back at all (server unreachable, connection dropped mid-call).
 */
export type ParleyErrorCode = ParleyErrorData['code'] | 'NETWORK_ERROR';

export interface ParleyErrorInit {
  code: ParleyErrorCode;
  /** 0 when there was no HTTP answer (network error, WebSocket, aborted). */
  httpStatus?: number | undefined;
  requestId?: string | undefined;
  path?: string | undefined;
  fieldErrors?: Record<string, string[]> | undefined;
  retryAfter?: number | undefined;
  cause?: unknown;
  shape?: ParleyErrorShape | undefined;
  meta?: Record<string, unknown> | undefined;
}

const BRAND = Symbol.for('@parley/sdk.ParleyError');

const STATUS_CODES: Record<number, ParleyErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'PAYMENT_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_CONTENT',
  428: 'PRECONDITION_REQUIRED',
  429: 'TOO_MANY_REQUESTS',
  499: 'CLIENT_CLOSED_REQUEST',
  500: 'INTERNAL_SERVER_ERROR',
  501: 'NOT_IMPLEMENTED',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** The tRPC code for an HTTP status that came without a tRPC error body (a proxy's 502, say). */
export function codeForStatus(status: number): ParleyErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isAbort(error: unknown): boolean {
  return isRecord(error) && (error.name === 'AbortError' || error.type === 'aborted');
}

/** The HTTP status a transport failure carries: a fetch Response, or eventsource's ErrorEvent. */
function statusOf(error: TRPCClientError<ParleyRouter>): number {
  const response = error.meta?.response;
  if (isRecord(response) && typeof response.status === 'number') return response.status;
  const cause = error.cause as unknown;
  if (isRecord(cause) && typeof cause.code === 'number' && cause.code >= 400) return cause.code;
  return 0;
}

function requestIdHeader(error: TRPCClientError<ParleyRouter>): string | undefined {
  const response = error.meta?.response;
  if (!isRecord(response) || !isRecord(response.headers)) return undefined;
  const get = response.headers.get;
  return typeof get === 'function'
    ? ((get.call(response.headers, 'x-request-id') as string | null) ?? undefined)
    : undefined;
}

/**
 * Every failed call of a Parley client rejects with a ParleyError. It is a
 * `TRPCClientError` too, so tRPC and React Query helpers keep working with it.
 *
 * ```ts
 * try { await client.auth.login.mutate({ email, password }) }
 * catch (e) { if (isParleyError(e) && e.code === 'UNAUTHORIZED') ... }
 * ```
 */
export class ParleyError extends TRPCClientError<ParleyRouter> {
  readonly code: ParleyErrorCode;
  /** The HTTP status of the answer; 0 when there was none (network, WebSocket). */
  readonly httpStatus: number;
  /** The server's id for this call: quote it when reporting a problem. */
  readonly requestId: string | undefined;
  /** The procedure path, when the server named it (`sessions.send`). */
  readonly path: string | undefined;
  /** For `BAD_REQUEST` on invalid input: field path -> messages (`{ sessionId: ['must be a UUID'] }`). */
  readonly fieldErrors: Record<string, string[]> | undefined;
  /** For `TOO_MANY_REQUESTS`: seconds to wait before trying again. */
  readonly retryAfter: number | undefined;

  constructor(message: string, init: ParleyErrorInit) {
    super(message, {
      cause: init.cause instanceof Error ? init.cause : undefined,
      result: init.shape ? { error: init.shape } : undefined,
      meta: init.meta,
    });
    // TRPCClientError pins its own prototype; a subclass has to put its own back.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ParleyError';
    this.code = init.code;
    this.httpStatus = init.httpStatus ?? 0;
    this.requestId = init.requestId;
    this.path = init.path;
    this.fieldErrors = init.fieldErrors;
    this.retryAfter = init.retryAfter;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Turns anything a call can fail with (tRPC errors, fetch failures, aborts) into a ParleyError. */
  static override from(cause: unknown): ParleyError {
    if (isParleyError(cause)) return cause;
    const error =
      cause instanceof TRPCClientError
        ? (cause as TRPCClientError<ParleyRouter>)
        : TRPCClientError.from<ParleyRouter>(cause as Error);
    const data = error.data as Partial<ParleyErrorData> | null | undefined;
    if (data && typeof data.code === 'string') {
      return new ParleyError(error.message, {
        code: data.code,
        httpStatus: data.httpStatus,
        requestId: data.requestId,
        path: data.path,
        fieldErrors: data.fieldErrors,
        retryAfter: data.retryAfter,
        cause: error,
        shape: error.shape ?? undefined,
        meta: error.meta,
      });
    }
    if (isAbort(cause) || isAbort(error.cause)) {
      return new ParleyError('The call was aborted', {
        code: 'CLIENT_CLOSED_REQUEST',
        cause: error,
      });
    }
    const status = statusOf(error);
    return new ParleyError(
      status ? `${error.message} (HTTP ${status})` : error.message || 'Network error',
      {
        code: status ? codeForStatus(status) : 'NETWORK_ERROR',
        httpStatus: status,
        requestId: requestIdHeader(error),
        cause: error,
        meta: error.meta,
      },
    );
  }
}

/** True for a ParleyError, also one made by another copy of the SDK (a second bundle). */
export function isParleyError(error: unknown): error is ParleyError {
  return (
    error instanceof ParleyError ||
    (isRecord(error) && (error as Record<symbol, unknown>)[BRAND] === true)
  );
}

/** The error code of anything a call failed with, without building a ParleyError. */
export function errorCodeOf(error: unknown): ParleyErrorCode | undefined {
  if (isParleyError(error)) return error.code;
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') return code as ParleyErrorCode;
  }
  return undefined;
}
