import { Controller } from '@nestjs/common';
import { endpoints, type Health } from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import { Route } from '../../common/route.decorator.js';
import { Db } from '../../database/db.js';

@Controller()
export class HealthController {
  constructor(private readonly db: Db) {}

  @Route(endpoints.health)
  async health(): Promise<Health> {
    try {
      await this.db.query('select 1');
    } catch {
      throw new AppError(503, 'service_unavailable', 'The database does not answer.');
    }
    return { status: 'ok' };
  }
}
