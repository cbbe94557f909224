import { Controller, Res } from '@nestjs/common';
import { endpoints, type InputOf } from '@scorecard/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Input, Route } from '../../common/route.decorator.js';
import { PrivacyService } from './privacy.service.js';

@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Served as a download, and never cached: it is one person's whole record. */
  @Route(endpoints.exportCandidate)
  async export(
    @CurrentCaller() caller: Caller,
    @Input() { params }: InputOf<'exportCandidate'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = await this.privacy.export(caller, params.id);
    void reply.header('content-disposition', `attachment; filename="candidate-${params.id}.json"`);
    void reply.header('cache-control', 'no-store');
    return data;
  }

  @Route(endpoints.eraseCandidate)
  erase(@CurrentCaller() caller: Caller, @Input() { params, body }: InputOf<'eraseCandidate'>) {
    return this.privacy.erase(caller, params.id, body);
  }
}
