import { Module } from '@nestjs/common';
import { DebriefsRepository } from '../debriefs/debriefs.repository.js';
import { ScorecardsModule } from '../scorecards/scorecards.module.js';
import { HomeController } from './home.controller.js';
import { HomeRepository } from './home.repository.js';
import { HomeService } from './home.service.js';
import { QueuesRepository } from './queues.repository.js';

/**
 * The home pages that are work queues: the recruiter's, the interviewer's and the hiring
 * manager's (admins get the hiring manager's with their own counts). The panel's figures come from
 * the debriefs context's SQL (its repository, read-only) under the scorecards context's
 * independence rule.
 */
@Module({
  imports: [ScorecardsModule],
  controllers: [HomeController],
  providers: [HomeRepository, QueuesRepository, DebriefsRepository, HomeService],
})
export class HomeModule {}
