import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { endpoints } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../common/app-error.js';
import { Route } from '../../common/route.decorator.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { MetricsService } from './metrics.service.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * `GET /api/metrics` for Prometheus. It needs no session but `Authorization: Bearer <METRICS_TOKEN>`
 * (compared in constant time); without METRICS_TOKEN configured metrics are not served at all (404),
 * so a deployment that forgets it shows nothing. What it shows is operational (request counts per
 * route template, latencies, the pool, the process), never an id, a query string or a tenant's data.
 */
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(endpoints.metrics)
  async scrape(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const expected = this.config.metricsToken;
    if (!expected) throw new AppError('not_found', 'Metrics are not served: METRICS_TOKEN is not set.');
    const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), digest(expected))) {
      throw new AppError('unauthenticated', 'Metrics need the metrics bearer token.', {
        headers: { 'www-authenticate': 'Bearer realm="metrics"' },
      });
    }
    const text = await this.metrics.text();
    void reply.type(this.metrics.contentType).header('cache-control', 'no-store');
    return text;
  }
}
