import { ParleyError } from '@parley/sdk';
import { describe, expect, it } from 'vitest';
import { errorDetails, isNetworkError, retryTransient } from './errors';

const refused = (code: ConstructorParameters<typeof ParleyError>[1]['code'], httpStatus: number) =>
  new ParleyError('refused', { code, httpStatus });

describe('which failed calls React Query retries', () => {
  it.each([
    ['FORBIDDEN', 403],
    ['UNAUTHORIZED', 401],
    ['NOT_FOUND', 404],
    ['BAD_REQUEST', 400],
    ['PRECONDITION_FAILED', 412],
    ['TOO_MANY_REQUESTS', 429],
    ['CONFLICT', 409],
  ] as const)('never a refusal: %s', (code, status) => {
    expect(retryTransient(0, refused(code, status))).toBe(false);
  });

  it.each([
    ['INTERNAL_SERVER_ERROR', 500],
    ['SERVICE_UNAVAILABLE', 503],
    ['NETWORK_ERROR', 0],
  ] as const)('a network failure or a 5xx, twice: %s', (code, status) => {
    const error = refused(code, status);
    expect(retryTransient(0, error)).toBe(true);
    expect(retryTransient(1, error)).toBe(true);
    expect(retryTransient(2, error)).toBe(false);
  });

  it('a fetch that failed outright (no ParleyError) is a network failure', () => {
    const error = new TypeError('Failed to fetch');
    expect(retryTransient(0, error)).toBe(true);
    expect(isNetworkError(error)).toBe(true);
    expect(isNetworkError(refused('FORBIDDEN', 403))).toBe(false);
  });

  it('never shows the browser\'s "Failed to fetch"', () => {
    const error = new ParleyError('Failed to fetch', { code: 'NETWORK_ERROR' });
    expect(errorDetails(error).message).toBe(
      'Parley cannot be reached. Check your connection and try again.',
    );
  });
});
