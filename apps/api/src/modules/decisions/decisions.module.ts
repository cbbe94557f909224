import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { EventsModule } from '../events/events.module.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsRepository } from './decisions.repository.js';
import { DecisionsService } from './decisions.service.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';

/** Hiring decisions taken at the debrief: hire, no hire or hold, append-only, moving the application. */
@Module({
  imports: [ApplicationsModule, EventsModule, WebhooksModule],
  controllers: [DecisionsController],
  providers: [DecisionsRepository, DecisionsService],
  exports: [DecisionsService],
})
export class DecisionsModule {}
