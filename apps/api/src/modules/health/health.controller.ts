import { Controller } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { endpoints, type Health } from '@scorecard/contracts';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Route } from '../../common/route.decorator.js';

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Route(endpoints.health)
  async health(): Promise<Health> {
    try {
      await this.ds.query('select 1');
    } catch {
      throw new AppError(503, 'service_unavailable', 'The database does not answer.');
    }
    return { status: 'ok' };
  }
}
