import { Module } from '@nestjs/common';
import { DebriefsModule } from '../debriefs/debriefs.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { CommitteePacketRepository } from './committee-packet.repository.js';
import { CommitteePacketService } from './committee-packet.service.js';
import { CommitteePacketsController } from './committee-packets.controller.js';

/**
 * The hiring-committee packet as a PDF (issue 24 §2): the debrief (same access and independence
 * rule), the opening's profile and rubric, and the latest finished debrief meeting, rendered with
 * pdfkit; optionally anonymised by the domain's `anonymiser`.
 */
@Module({
  imports: [DebriefsModule, MeetingsModule],
  controllers: [CommitteePacketsController],
  providers: [CommitteePacketRepository, CommitteePacketService],
})
export class CommitteePacketsModule {}
