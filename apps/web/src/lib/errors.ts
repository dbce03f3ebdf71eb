/**
 * What the UI needs from a failed call. tRPC errors carry the API's `error.data`
 * ({ code, httpStatus, requestId, fieldErrors?, retryAfter? }); the SDK's ParleyError
 * carries the same fields on itself. Either shape is read here, so components never
 * poke at error internals. Messages are in the language on screen: the API answers in
 * English, so what a person may see is said again from the error's code (or, for the
 * few messages the web app knows, from the message itself).
 */
import { i18n } from '../i18n/i18n';

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

const TOO_MANY_KEYS = /^At most (\d+) active API keys/;

function friendlyMessage(code: string, message: string | undefined): string {
  const t = i18n.t;
  switch (code) {
    case 'NETWORK_ERROR':
      return t('errors.unreachable');
    case 'UNKNOWN':
      return !message || /fetch|network|socket/i.test(message) ? t('errors.unreachable') : message;
    case 'INTERNAL_SERVER_ERROR':
      return t('errors.internal');
    case 'SERVICE_UNAVAILABLE':
      return t('errors.unavailable');
    case 'TOO_MANY_REQUESTS':
      return t('errors.tooManyRequests');
    case 'NOT_FOUND':
      return t('errors.notFound');
    case 'FORBIDDEN':
      return t('errors.forbidden');
    case 'UNAUTHORIZED':
      return message === 'Email or password is incorrect'
        ? t('errors.wrongCredentials')
        : t('errors.signedOut');
    case 'CONFLICT': {
      const keys = message && TOO_MANY_KEYS.exec(message);
      if (keys) return t('errors.tooManyKeys', { count: Number(keys[1]) });
      break;
    }
  }
  return message || t('errors.generic');
}

/** Answers that may change on a second try: a network failure, a 5xx, a timeout. */
const TRANSIENT = new Set([
  'UNKNOWN',
  'NETWORK_ERROR',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'BAD_GATEWAY',
  'GATEWAY_TIMEOUT',
  'TIMEOUT',
]);

/** Whether a failed call is worth retrying; a refusal (forbidden, not found, ...) is the answer. */
export function isTransient(error: unknown): boolean {
  const e = (error ?? {}) as ErrorLike & { data?: { httpStatus?: unknown } | null };
  const status = e.data?.httpStatus;
  if (typeof status === 'number' && status >= 500) return true;
  return TRANSIENT.has(errorDetails(error).code);
}

/** React Query's `retry`: twice, and only what may pass on a second try. */
export function retryTransient(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && isTransient(error);
}

/** A network failure (offline, server unreachable): no answer from the server at all. */
export function isNetworkError(error: unknown): boolean {
  const { code } = errorDetails(error);
  const message = str((error as ErrorLike | null)?.message);
  if (code === 'NETWORK_ERROR') return true;
  return code === 'UNKNOWN' && (!message || /fetch|network|socket|connection/i.test(message));
}

export function isAuthError(error: unknown): boolean {
  return errorDetails(error).code === 'UNAUTHORIZED';
}

export function isNotFound(error: unknown): boolean {
  const { code } = errorDetails(error);
  return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
}
