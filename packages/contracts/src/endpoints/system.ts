import { Health, Readiness } from '../health.js';
import { endpointGroup } from './endpoint.js';

/** Liveness, readiness and metrics: for load balancers and scrapers, no session. */
export const systemEndpoints = endpointGroup({
  health: {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness: 200 when the database answers, 503 otherwise',
    tag: 'system',
    access: { auth: 'public' },
    status: 200,
    response: Health,
  },
  ready: {
    method: 'get',
    path: '/api/ready',
    summary:
      'Readiness: 200 when the database answers and every migration of this build is applied, 503 naming what is missing otherwise',
    tag: 'system',
    access: { auth: 'public' },
    status: 200,
    response: Readiness,
  },
  metrics: {
    method: 'get',
    path: '/api/metrics',
    summary:
      'Prometheus metrics in the text exposition format 0.0.4: requests by method, route template and status, their latency, the database pool, and the Node.js process. For scrapers inside the network only: the reverse proxy refuses it from outside',
    tag: 'system',
    access: { auth: 'public' },
    status: 200,
    response: null,
    produces: 'text/plain',
  },
});
