import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import type { FileStorage } from './file-storage.js';
import { PostgresStorage } from './postgres-storage.js';
import { S3Storage } from './s3-storage.js';
import { redactS3Url } from './s3-url.js';

/**
 * The storage new files go to (S3 when `S3_URL` is set, else PostgreSQL), and the one each stored
 * file is read from and deleted in, by what its row records: files stored in PostgreSQL stay
 * readable after S3 is configured.
 */
@Injectable()
export class FileStorages implements OnApplicationShutdown {
  readonly current: FileStorage;
  private readonly s3: S3Storage | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly postgres: PostgresStorage,
  ) {
    this.s3 = config.s3Url ? new S3Storage(config.s3Url) : null;
    this.current = this.s3 ?? postgres;
    new Logger('Files').log(
      `candidate files are stored in ${config.s3Url ? `S3 (${redactS3Url(config.s3Url)})` : 'PostgreSQL'}`,
    );
  }

  of(kind: 'postgres' | 's3'): FileStorage {
    if (kind === 'postgres') return this.postgres;
    if (!this.s3) {
      throw new AppError('service_unavailable', 'This file is stored in S3, and S3_URL is not set on this server.');
    }
    return this.s3;
  }

  onApplicationShutdown(): void {
    this.s3?.destroy();
  }
}
