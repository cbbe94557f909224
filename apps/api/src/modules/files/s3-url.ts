/**
 * `S3_URL`: one URL naming an S3-compatible bucket, its endpoint and credentials:
 *
 *     http(s)://ACCESS_KEY:SECRET_KEY@host[:port]/bucket[/prefix][?region=…&style=path|virtual]
 *
 * - the scheme, host and port are the endpoint (`http://localhost:9000` for MinIO,
 *   `https://s3.eu-west-1.amazonaws.com` for AWS);
 * - the user and password are the access key and secret (percent-encode `/`, `+`, `@`, `:`);
 *   without them the SDK's usual sources apply (environment, instance role);
 * - the first path segment is the bucket, anything after it a key prefix;
 * - `region` defaults to `us-east-1`; `style` defaults to `path` (path-style addressing, which
 *   MinIO and most S3-compatible servers need); `virtual` for virtual-hosted-style.
 *
 * Example: `http://minio:minio123@localhost:9000/scorecard`.
 */
export interface S3Location {
  endpoint: string;
  region: string;
  bucket: string;
  /** Key prefix, empty or ending in `/`. */
  prefix: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
}

export function parseS3Url(value: string): S3Location {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('S3_URL: not a URL (http(s)://ACCESS_KEY:SECRET@host[:port]/bucket)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('S3_URL: use http:// or https://');
  const [bucket, ...rest] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (!bucket) throw new Error('S3_URL: name the bucket as the first path segment');
  const style = url.searchParams.get('style') ?? 'path';
  if (style !== 'path' && style !== 'virtual') throw new Error('S3_URL: style is path or virtual');
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return {
    endpoint: `${url.protocol}//${url.host}`,
    region: url.searchParams.get('region') ?? 'us-east-1',
    bucket,
    prefix: rest.length ? `${rest.join('/')}/` : '',
    credentials: user ? { accessKeyId: user, secretAccessKey: password } : undefined,
    forcePathStyle: style === 'path',
  };
}

/** The URL with its secret replaced, for logs. */
export function redactS3Url(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(invalid S3_URL)';
  }
}
