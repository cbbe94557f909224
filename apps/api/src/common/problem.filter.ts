import { type ArgumentsHost, Catch, type ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem.js';

/**
 * Answers every error as application/problem+json. A GET for an unknown path outside /api is a page
 * of the single-page web app, so it gets index.html instead.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly indexHtml: string | null) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (
      err instanceof NotFoundException &&
      this.indexHtml &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      !req.url.startsWith('/api')
    ) {
      void reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.indexHtml);
      return;
    }
    sendProblem(req, reply, err);
  }
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: unknown): void {
  const { body, headers, unexpected } = toProblem(err, String(req.id));
  if (unexpected) req.log.error({ err }, 'unexpected error');
  else if (body.status >= 500) {
    req.log.warn({ code: body.code, cause: err instanceof Error ? err.message : undefined }, body.detail);
  }
  void reply.status(body.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(body);
}
