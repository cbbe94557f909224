import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { FileStorage } from './file-storage.js';
import { parseS3Url, type S3Location } from './s3-url.js';

/**
 * Any S3-compatible bucket (AWS S3, MinIO, …), chosen by setting `S3_URL` (see s3-url.ts). Objects
 * are keyed `<prefix><organization id>/<key>`. Uploads and deletes are not part of the database
 * transaction: the files service puts the bytes before it records the row (and deletes them again if
 * recording fails), and deletes bytes only once their rows are gone.
 */
export class S3Storage implements FileStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly location: S3Location;

  constructor(s3Url: string) {
    this.location = parseS3Url(s3Url);
    this.client = new S3Client({
      endpoint: this.location.endpoint,
      region: this.location.region,
      forcePathStyle: this.location.forcePathStyle,
      credentials: this.location.credentials,
      // Only what S3 itself requires: many S3-compatible servers refuse the newer default checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(organizationId: string, key: string): string {
    return `${this.location.prefix}${organizationId}/${key}`;
  }

  async put(organizationId: string, key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.location.bucket,
        Key: this.objectKey(organizationId, key),
        Body: body,
        ContentType: contentType,
        ContentLength: body.length,
      }),
    );
  }

  async get(organizationId: string, key: string): Promise<Buffer | null> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(organizationId, key) }),
      );
      if (!out.Body) return null;
      return Buffer.from(await out.Body.transformToByteArray());
    } catch (err) {
      if (err instanceof NoSuchKey) return null;
      if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404) return null;
      throw err;
    }
  }

  async delete(organizationId: string, key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(organizationId, key) }),
    );
  }

  destroy(): void {
    this.client.destroy();
  }
}
