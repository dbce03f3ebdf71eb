import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type ApiServices,
  authorizeMediaUpload,
  credentialFromHeaders,
  RateLimitedError,
  recordUpload,
} from '@parley/api';
import { isDatabaseUnavailable } from '@parley/db';
import type { Logger } from '@parley/infra';
import { MAX_UPLOAD_BYTES, type Media, MediaError } from '@parley/media';
import type { MediaSize } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { requestIdFor, sendJson } from './http';

const PICTURE_PATH = /^\/media\/([a-z0-9-]{1,64})\/(card|page)\.webp$/;

/** `/media` (uploads) and `/media/<key>/<size>.webp` (pictures). */
export function isMediaPath(path: string): boolean {
  return path === '/media' || path.startsWith('/media/');
}

const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** Errors shaped like the REST surface's: a code, a message, the request id, the field. */
function fail(
  res: ServerResponse,
  requestId: string,
  code: keyof typeof STATUS,
  message: string,
  field?: string,
  retryAfter?: number,
) {
  // As a tRPC error reads: the message names the field, its entry in fieldErrors does not.
  sendJson(res, STATUS[code] ?? 500, {
    code,
    message: field ? `${field}: ${message}` : message,
    requestId,
    ...(field ? { fieldErrors: { [field]: [message] } } : {}),
    ...(retryAfter ? { retryAfter } : {}),
  });
}

/** Reads the body up to `limit` bytes; null when it is longer (the rest is not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => !over && resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface MediaHandlerOptions {
  media: Media;
  services: ApiServices;
  logger: Logger;
}

/**
 * `POST /media`: the body is the picture itself (any Content-Type; the bytes decide), sent
 * with a listing-write credential; answers 201 `{ key, url, sizes: { card, page }, width,
 * height }`. `GET /media/<key>/<card|page>.webp` serves a picture, cacheable for good
 * (a key's bytes never change).
 */
export function createMediaHandler(options: MediaHandlerOptions) {
  const { media, services, logger } = options;

  async function upload(req: IncomingMessage, res: ServerResponse, requestId: string) {
    let uploader: string;
    try {
      ({ userId: uploader } = await authorizeMediaUpload(
        services,
        credentialFromHeaders(req.headers as Record<string, string>),
      ));
    } catch (error) {
      const code = error instanceof TRPCError ? error.code : 'INTERNAL_SERVER_ERROR';
      req.resume();
      if (code === 'INTERNAL_SERVER_ERROR') logger.error({ requestId, err: error }, 'media auth');
      const retryAfter = error instanceof RateLimitedError ? error.retryAfter : undefined;
      if (retryAfter) res.setHeader('retry-after', String(retryAfter));
      return fail(res, requestId, code, (error as Error).message, undefined, retryAfter);
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = `the file is larger than ${MAX_UPLOAD_BYTES} bytes (10 MB)`;
    if (declared > MAX_UPLOAD_BYTES) {
      res.setHeader('connection', 'close');
      req.resume();
      return fail(res, requestId, 'PAYLOAD_TOO_LARGE', tooLarge, 'file');
    }
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    if (!body) {
      res.setHeader('connection', 'close');
      return fail(res, requestId, 'PAYLOAD_TOO_LARGE', tooLarge, 'file');
    }
    try {
      const stored = await media.upload(body);
      try {
        // Recorded, so that once no listing uses it the media sweep deletes it.
        await recordUpload(services, stored.key, uploader);
      } catch (error) {
        // Not recorded, it would be kept forever: the picture goes too, the caller retries.
        await media.remove(stored.key).catch(() => {});
        throw error;
      }
      logger.info({ requestId, key: stored.key, bytes: body.length }, 'picture uploaded');
      sendJson(res, 201, stored);
    } catch (error) {
      if (error instanceof MediaError) {
        const code = error.reason === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
        return fail(res, requestId, code, error.message, 'file');
      }
      if (isDatabaseUnavailable(error)) {
        logger.warn({ requestId, err: error }, 'picture not recorded: database unavailable');
        return fail(
          res,
          requestId,
          'SERVICE_UNAVAILABLE',
          'The database is unavailable, try again shortly',
        );
      }
      logger.error({ requestId, err: error }, 'picture upload failed');
      fail(res, requestId, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string, path: string) {
    const match = PICTURE_PATH.exec(path);
    const bytes = match ? await media.read(match[1] as string, match[2] as MediaSize) : null;
    if (!bytes) return fail(res, requestId, 'NOT_FOUND', 'Picture not found');
    res.writeHead(200, {
      'content-type': 'image/webp',
      'content-length': bytes.length,
      'cache-control': 'public, max-age=31536000, immutable',
      // Served as a picture only, never sniffed into anything else.
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
      // Listing photos show on other sites too (the widget's cards), also on pages that
      // demand it of every resource (Cross-Origin-Embedder-Policy: require-corp).
      'cross-origin-resource-policy': 'cross-origin',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  return (req: IncomingMessage, res: ServerResponse, path: string) => {
    const requestId = requestIdFor(req);
    res.setHeader('x-request-id', requestId);
    const work =
      path === '/media'
        ? req.method === 'POST'
          ? upload(req, res, requestId)
          : Promise.resolve(
              fail(res, requestId, 'METHOD_NOT_SUPPORTED', 'POST a picture to /media'),
            )
        : req.method === 'GET' || req.method === 'HEAD'
          ? serve(req, res, requestId, path)
          : Promise.resolve(fail(res, requestId, 'METHOD_NOT_SUPPORTED', 'GET a picture'));
    work.catch((error: unknown) => {
      logger.error({ requestId, err: error }, 'media request failed');
      if (!res.headersSent) fail(res, requestId, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    });
  };
}
