import { Body, Controller, Param, Res } from '@nestjs/common';
import { type EraseCandidateRequest, endpoints } from '@scorecard/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { PrivacyService } from './privacy.service.js';

@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Served as a download, and never cached: it is one person's whole record. */
  @Route(endpoints.exportCandidate)
  async export(
    @CurrentCaller() caller: Caller,
    @Param() p: { id: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = await this.privacy.export(caller, p.id);
    void reply.header('content-disposition', `attachment; filename="candidate-${p.id}.json"`);
    void reply.header('cache-control', 'no-store');
    return data;
  }

  @Route(endpoints.eraseCandidate)
  erase(@CurrentCaller() caller: Caller, @Param() p: { id: string }, @Body() body: EraseCandidateRequest) {
    return this.privacy.erase(caller, p.id, body);
  }
}
