import { Module } from '@nestjs/common';
import { LibraryModule } from '../library/library.module.js';
import { UsersModule } from '../users/users.module.js';
import { OpeningsController } from './openings.controller.js';
import { OpeningsRepository } from './openings.repository.js';
import { OpeningsService } from './openings.service.js';

@Module({
  imports: [LibraryModule, UsersModule],
  controllers: [OpeningsController],
  providers: [OpeningsRepository, OpeningsService],
  exports: [OpeningsService],
})
export class OpeningsModule {}
