import type { CredentialStore } from './credentials';
import { codeForStatus, ParleyError, type ParleyErrorCode } from './errors';

/** A picture stored by Parley: put `url` (the page size) in a listing's `images`. */
export interface UploadedPicture {
  key: string;
  url: string;
  sizes: { card: string; page: string };
  width: number;
  height: number;
}

export interface MediaApi {
  /**
   * Uploads a listing photo (JPEG, PNG or WebP up to 10 MB; the bytes decide, not the
   * name) with this client's credential, which must be allowed to write listings (an
   * agent or admin, or an API key with `listings:write`). Parley re-encodes it without
   * its metadata into a card and a page size.
   */
  upload(picture: Blob | Uint8Array | ArrayBuffer): Promise<UploadedPicture>;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** `client.media`: the one call that is not tRPC (`POST /media` takes the raw bytes). */
export function createMediaApi(options: {
  base: string;
  fetch: Fetch | undefined;
  credentials: CredentialStore;
}): MediaApi {
  const send = async (body: BodyInit) => {
    const fetchImpl = options.fetch;
    if (!fetchImpl) throw new TypeError('Parley client: media.upload needs fetch');
    const used = options.credentials.snapshot();
    const bearer = await options.credentials.bearer();
    let response: Response;
    try {
      response = await fetchImpl(`${options.base}/media`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        body,
      });
    } catch (cause) {
      throw new ParleyError('Could not reach the server', { code: 'NETWORK_ERROR', cause });
    }
    return { response, used };
  };

  return {
    async upload(picture) {
      // A Uint8Array may be a view into a larger ArrayBuffer (a Node Buffer from the
      // shared 8 KB pool, a `subarray`), so its `.buffer` holds other bytes too: copy
      // exactly the view's bytes. A copy also keeps the retry below sending the same bytes.
      const body: BodyInit =
        picture instanceof Uint8Array ? new Uint8Array(picture).buffer : picture;
      let { response, used } = await send(body);
      // An expired access token: renew it once, as every other call does, and retry.
      if (response.status === 401 && options.credentials.canRecover('media.upload')) {
        if (await options.credentials.recover(used)) ({ response, used } = await send(body));
      }
      const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (response.ok) return json as unknown as UploadedPicture;
      const code = (
        typeof json.code === 'string' ? json.code : codeForStatus(response.status)
      ) as ParleyErrorCode;
      throw new ParleyError(typeof json.message === 'string' ? json.message : response.statusText, {
        code,
        httpStatus: response.status,
        requestId:
          (typeof json.requestId === 'string' ? json.requestId : undefined) ??
          response.headers.get('x-request-id') ??
          undefined,
        fieldErrors: json.fieldErrors as Record<string, string[]> | undefined,
        retryAfter: typeof json.retryAfter === 'number' ? json.retryAfter : undefined,
      });
    },
  };
}
