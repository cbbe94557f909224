import { Module } from '@nestjs/common';
import { ScorecardsModule } from '../scorecards/scorecards.module.js';
import { DebriefsController } from './debriefs.controller.js';
import { DebriefsRepository } from './debriefs.repository.js';
import { DebriefsService } from './debriefs.service.js';

/**
 * The debrief of an application and the side-by-side comparison of an opening's finalists: panel
 * figures computed in SQL (the domain's scoring rules are the reference), under the independence
 * rule of the scorecards context.
 */
@Module({
  imports: [ScorecardsModule],
  controllers: [DebriefsController],
  providers: [DebriefsRepository, DebriefsService],
  exports: [DebriefsService],
})
export class DebriefsModule {}
