import { Controller, Res } from '@nestjs/common';
import { endpoints } from '@scorecard/contracts';
import type { FastifyReply } from 'fastify';
import { Route } from '../../common/route.decorator.js';
import { MetricsService } from './metrics.service.js';

/**
 * `GET /api/metrics` for Prometheus. It needs no session, so it must be reachable only from inside
 * the network: the reverse proxy in front of the API refuses `/api/metrics` from outside, and
 * Prometheus scrapes each instance directly. What it shows is operational (request counts per
 * route template, latencies, the pool, the process), never an id, a query string or a tenant's data.
 */
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Route(endpoints.metrics)
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.metrics.text();
    void reply.type(this.metrics.contentType).header('cache-control', 'no-store');
    return text;
  }
}
