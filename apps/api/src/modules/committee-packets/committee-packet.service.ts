import { Injectable } from '@nestjs/common';
import type { PacketQuery } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { DebriefsService } from '../debriefs/debriefs.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { buildPacketModel } from './build-packet-model.js';
import { CommitteePacketRepository } from './committee-packet.repository.js';
import { renderPacketPdf } from './packet-pdf.js';

@Injectable()
export class CommitteePacketService {
  constructor(
    private readonly debriefs: DebriefsService,
    private readonly meetings: MeetingsService,
    private readonly packets: CommitteePacketRepository,
  ) {}

  /**
   * The packet as a PDF. Read exactly as the debrief is read (404 outside the organization, 403
   * under the independence rule, and the same record that the caller read the panel's feedback);
   * nothing else is written.
   */
  async packet(caller: Caller, applicationId: string, query: PacketQuery): Promise<{ filename: string; pdf: Buffer }> {
    const debrief = await this.debriefs.debrief(caller, applicationId, 'independent');
    const [extras, meeting] = await Promise.all([
      this.packets.extras(caller.organizationId, applicationId, debrief.rubricVersion?.id ?? null),
      this.meetings.latestFinished(caller, applicationId),
    ]);
    if (!extras) throw AppError.notFound('application');
    const model = buildPacketModel({ caller, debrief, extras, meeting, query, now: new Date() });
    return { filename: model.filename, pdf: await renderPacketPdf(model) };
  }
}
