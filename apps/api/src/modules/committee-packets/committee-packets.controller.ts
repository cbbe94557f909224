import { Controller, Res } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Input, Route } from '../../common/route.decorator.js';
import { contentDisposition } from '../files/files.controller.js';
import { CommitteePacketService } from './committee-packet.service.js';

/** A downloaded document can never run as a page: no scripts, no plugins, a unique origin. */
const DOWNLOAD_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** The packet is bytes with headers of its own, so this route is a class with `@Route` (see `controller`). */
@Controller()
export class CommitteePacketsController {
  constructor(private readonly packets: CommitteePacketService) {}

  @Route(endpoints.getCommitteePacket)
  async packet(
    @CurrentCaller() caller: Caller,
    @Input() { params, query }: InputOf<'getCommitteePacket'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { filename, pdf } = await this.packets.packet(caller, params.id, query);
    void reply
      .type('application/pdf')
      .header('content-length', String(pdf.length))
      .header('content-disposition', contentDisposition('attachment', filename))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', DOWNLOAD_CSP);
    return pdf;
  }
}
