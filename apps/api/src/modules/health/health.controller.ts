import { Controller } from '@nestjs/common';
import { endpoints, type Health, type Readiness } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import { Route } from '../../common/route.decorator.js';
import { Db } from '../../database/db.js';
import { ReadinessService } from './readiness.service.js';

/**
 * Liveness and readiness, for a load balancer or an orchestrator. `/api/health` (liveness): the
 * process serves and reaches its database. `/api/ready` (readiness): it may take traffic, which
 * also needs every migration of this build applied.
 */
@Controller()
export class HealthController {
  constructor(
    private readonly db: Db,
    private readonly readiness: ReadinessService,
  ) {}

  @Route(endpoints.health)
  async health(): Promise<Health> {
    try {
      await this.db.query('select 1');
    } catch {
      throw new AppError('service_unavailable', 'The database does not answer.');
    }
    return { status: 'ok' };
  }

  @Route(endpoints.ready)
  ready(): Promise<Readiness> {
    return this.readiness.check();
  }
}
