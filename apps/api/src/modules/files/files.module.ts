import { Module } from '@nestjs/common';
import { FileStorages } from './file-storages.js';
import { FilesController } from './files.controller.js';
import { FilesRepository } from './files.repository.js';
import { FilesService } from './files.service.js';
import { PostgresStorage } from './postgres-storage.js';

/** Files attached to candidates (a CV and others), stored in PostgreSQL or an S3-compatible bucket. */
@Module({
  controllers: [FilesController],
  providers: [FilesRepository, FilesService, FileStorages, PostgresStorage],
  exports: [FilesService],
})
export class FilesModule {}
