import { Controller, Query } from '@nestjs/common';
import { type AuditEventListQuery, endpoints } from '@scorecard/contracts';
import { CurrentCaller, type Caller } from '../../common/request-context.js';
import { Route } from '../../common/route.decorator.js';
import { AuditService } from './audit.service.js';

/** Reading the audit log. There is deliberately no route that changes or removes an event. */
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Route(endpoints.listAuditEvents)
  list(@CurrentCaller() caller: Caller, @Query() query: AuditEventListQuery) {
    return this.audit.list(caller, query);
  }
}
