import { Module } from '@nestjs/common';
import { ApplicationEvents } from './application-events.js';

/**
 * Application changes shared by every API instance through PostgreSQL LISTEN/NOTIFY. Imported by
 * the writers (scorecards, interviews, decisions) and by the debrief's live stream.
 */
@Module({
  providers: [ApplicationEvents],
  exports: [ApplicationEvents],
})
export class EventsModule {}
