import { describe, expect, it } from '@jest/globals';
import { parseS3Url, redactS3Url } from './s3-url.js';

describe('S3_URL', () => {
  it.each([
    [
      'http://minio:minio123@localhost:9000/scorecard',
      {
        endpoint: 'http://localhost:9000',
        region: 'us-east-1',
        bucket: 'scorecard',
        prefix: '',
        credentials: { accessKeyId: 'minio', secretAccessKey: 'minio123' },
        forcePathStyle: true,
      },
    ],
    [
      'https://AKIA1:se%2Fcr%2Bet@s3.eu-west-1.amazonaws.com/my-bucket/scorecard/files?region=eu-west-1&style=virtual',
      {
        endpoint: 'https://s3.eu-west-1.amazonaws.com',
        region: 'eu-west-1',
        bucket: 'my-bucket',
        prefix: 'scorecard/files/',
        credentials: { accessKeyId: 'AKIA1', secretAccessKey: 'se/cr+et' },
        forcePathStyle: false,
      },
    ],
    [
      'http://storage.internal:9000/bucket',
      {
        endpoint: 'http://storage.internal:9000',
        region: 'us-east-1',
        bucket: 'bucket',
        prefix: '',
        credentials: undefined,
        forcePathStyle: true,
      },
    ],
  ])('reads %s', (url, expected) => {
    expect(parseS3Url(url)).toEqual(expected);
  });

  it.each([
    ['not a url', /not a URL/],
    ['ftp://a:b@host/bucket', /http/],
    ['http://a:b@host/', /bucket/],
    ['http://a:b@host/bucket?style=sideways', /style/],
  ])('refuses %s', (url, message) => {
    expect(() => parseS3Url(url)).toThrow(message);
  });

  it('hides the secret when logged', () => {
    expect(redactS3Url('http://minio:minio123@localhost:9000/scorecard')).toBe(
      'http://minio:***@localhost:9000/scorecard',
    );
  });
});
