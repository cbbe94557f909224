import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { SCIM_CONTENT_TYPE, SCIM_ERROR_SCHEMA } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from '../../common/problem.js';

/** The `scimType` values of RFC 7644 §3.12 that we answer. */
export type ScimType = 'invalidFilter' | 'invalidValue' | 'invalidSyntax' | 'uniqueness' | 'mutability' | 'noTarget';

/** An error only SCIM has (a status or scimType the app's error codes do not cover). */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }
}

export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail: string;
}

const SCIM_TYPE_BY_CODE: Partial<Record<string, ScimType>> = {
  email_taken: 'uniqueness',
  validation_failed: 'invalidValue',
  bad_request: 'invalidSyntax',
  last_admin: 'mutability',
};

/** Any error as RFC 7644's error document (field errors folded into `detail`). */
export function toScimError(err: unknown, requestId: string): { body: ScimErrorBody; unexpected: boolean } {
  if (err instanceof ScimError) {
    const body: ScimErrorBody = { schemas: [SCIM_ERROR_SCHEMA], status: String(err.status), detail: err.detail };
    if (err.scimType) body.scimType = err.scimType;
    return { body, unexpected: false };
  }
  const { body: problem, unexpected } = toProblem(err, requestId);
  const fields = problem.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
  const body: ScimErrorBody = {
    schemas: [SCIM_ERROR_SCHEMA],
    status: String(problem.status),
    detail: [problem.detail ?? problem.title, fields].filter(Boolean).join(' '),
  };
  const scimType = SCIM_TYPE_BY_CODE[problem.code];
  if (scimType) body.scimType = scimType;
  return { body, unexpected };
}

/** Answers every error of a SCIM route in SCIM's format (`application/scim+json`), not problem+json. */
@Catch()
export class ScimErrorFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { body, unexpected } = toScimError(err, String(req.id));
    if (unexpected) req.log.error({ err }, 'unexpected error');
    const headers: Record<string, string> = { 'content-type': SCIM_CONTENT_TYPE };
    if (body.status === '401') headers['www-authenticate'] = 'Bearer realm="SCIM"';
    void reply.status(Number(body.status)).headers(headers).send(body);
  }
}
