import { Global, Module } from '@nestjs/common';
import { QueueService } from './queue.service.js';

/** The job queue (pg-boss in PostgreSQL), for every module that sends or works jobs. */
@Global()
@Module({ providers: [QueueService], exports: [QueueService] })
export class QueueModule {}
