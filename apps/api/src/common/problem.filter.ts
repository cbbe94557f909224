import { type ArgumentsHost, Catch, type ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ScimErrorFilter } from '../modules/scim/scim-error.js';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem.js';

/**
 * Answers every error as application/problem+json. A GET for an unknown page of the single-page web
 * app gets index.html instead (see `isPageRequest`).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly indexHtml: string | null) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // SCIM clients get SCIM's error format even where no SCIM route ran (unknown path, unparsable body).
    if (req.url.startsWith('/scim/')) return new ScimErrorFilter().catch(err, host);
    if (err instanceof NotFoundException && this.indexHtml && isPageRequest(req)) {
      void reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.indexHtml);
      return;
    }
    sendProblem(req, reply, err);
  }
}

/**
 * Whether a GET that found nothing asks for a page of the web app, which routes it itself. Not under
 * /api, and never under /assets/: a built file that is not there (a tab still running the previous
 * release asking for a chunk that a deploy replaced) is a 404, not the page with a 200 that the
 * browser would try to run as a script. Any other path that names a file (an extension in its last
 * segment) is a page only when the client asks for HTML, as a browser's address bar does.
 */
export function isPageRequest(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.url.split('?', 1)[0]!;
  if (path.startsWith('/api') || path.startsWith('/assets/') || path.startsWith('/scim/')) return false;
  const namesFile = /\.[^/.]+$/.test(path);
  return !namesFile || (req.headers.accept ?? '').includes('text/html');
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: unknown): void {
  const { body, headers, unexpected } = toProblem(err, String(req.id));
  if (unexpected) req.log.error({ err }, 'unexpected error');
  else if (body.status >= 500) {
    req.log.warn({ code: body.code, cause: err instanceof Error ? err.message : undefined }, body.detail);
  }
  void reply.status(body.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(body);
}
