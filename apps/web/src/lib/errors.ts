/**
 * What the UI needs from a failed call. tRPC errors carry the API's `error.data`
 * ({ code, httpStatus, requestId, fieldErrors?, retryAfter? }); the SDK's ParleyError
 * carries the same fields on itself. Either shape is read here, so components never
 * poke at error internals.
 */
export interface ErrorDetails {
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
  retryAfter?: number;
  requestId?: string;
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  fieldErrors?: unknown;
  retryAfter?: unknown;
  requestId?: unknown;
  data?: {
    code?: unknown;
    fieldErrors?: unknown;
    retryAfter?: unknown;
    requestId?: unknown;
  } | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function errorDetails(error: unknown): ErrorDetails {
  const e = (error ?? {}) as ErrorLike;
  const data = e.data ?? {};
  const fieldErrors = (data.fieldErrors ?? e.fieldErrors ?? {}) as Record<string, string[]>;
  const retryAfter = data.retryAfter ?? e.retryAfter;
  const code = str(data.code) ?? str(e.code) ?? 'UNKNOWN';
  return {
    code,
    message: friendlyMessage(code, str(e.message)),
    fieldErrors,
    retryAfter: typeof retryAfter === 'number' ? retryAfter : undefined,
    requestId: str(data.requestId) ?? str(e.requestId),
  };
}

function friendlyMessage(code: string, message: string | undefined): string {
  if (code === 'UNKNOWN' && (!message || /fetch|network|socket/i.test(message)))
    return 'Parley cannot be reached. Check your connection and try again.';
  if (code === 'INTERNAL_SERVER_ERROR')
    return 'Something went wrong on our side. Please try again.';
  return message || 'Something went wrong. Please try again.';
}

export function isAuthError(error: unknown): boolean {
  return errorDetails(error).code === 'UNAUTHORIZED';
}

export function isNotFound(error: unknown): boolean {
  const { code } = errorDetails(error);
  return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
}
