import { AwsClient } from 'aws4fetch';
import { assertSafeName, type MediaStore } from './store';

export interface S3Config {
  /** e.g. `https://s3.eu-west-1.amazonaws.com`, or a MinIO/R2/local server's URL. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Pictures in an S3-compatible bucket, for several instances behind one address. Plain
 * S3 REST with Signature V4 (aws4fetch), path-style URLs so any S3-speaking server works.
 */
export function s3Store(config: S3Config): MediaStore {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: 's3',
    region: config.region,
    retries: 2,
  });
  const base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}`;
  const failed = async (what: string, response: Response) =>
    new Error(`S3 ${what} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return {
    kind: 's3',
    async put(name, bytes, contentType) {
      assertSafeName(name);
      const response = await client.fetch(`${base}/${name}`, {
        method: 'PUT',
        body: new Uint8Array(bytes),
        headers: { 'content-type': contentType, 'content-length': String(bytes.length) },
      });
      if (!response.ok) throw await failed(`PUT ${name}`, response);
      await response.arrayBuffer();
    },
    async get(name) {
      assertSafeName(name);
      const response = await client.fetch(`${base}/${name}`);
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) throw await failed(`GET ${name}`, response);
      return Buffer.from(await response.arrayBuffer());
    },
    async delete(name) {
      assertSafeName(name);
      const response = await client.fetch(`${base}/${name}`, { method: 'DELETE' });
      // S3 answers 204 whether or not the object was there; some servers say 404.
      if (!response.ok && response.status !== 404) throw await failed(`DELETE ${name}`, response);
      await response.arrayBuffer();
    },
  };
}
