import { Module } from '@nestjs/common';
import { DebriefsModule } from '../debriefs/debriefs.module.js';
import { EventsModule } from '../events/events.module.js';
import { UsersModule } from '../users/users.module.js';
import { DecisionPacketRepository } from './decision-packet.repository.js';
import { DecisionPacketService } from './decision-packet.service.js';
import { DecisionPacketController, ScorecardImportController } from './integrations.controller.js';
import { ScorecardImportRepository } from './scorecard-import.repository.js';
import { ScorecardImportService } from './scorecard-import.service.js';

/**
 * Scorecards that travel: historical scorecards imported from another system (marked imported,
 * left out of calibration by default) and an application's decision packet as versioned JSON.
 */
@Module({
  imports: [DebriefsModule, EventsModule, UsersModule],
  controllers: [ScorecardImportController, DecisionPacketController],
  providers: [ScorecardImportRepository, ScorecardImportService, DecisionPacketRepository, DecisionPacketService],
})
export class IntegrationsModule {}
