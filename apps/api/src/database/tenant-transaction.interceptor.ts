import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Db } from './db.js';

/**
 * Runs every signed-in request in one transaction as the caller's organization (see `Db`), so
 * row-level security applies to every query the handler makes, and a request that fails changes
 * nothing. Public routes (sign-up, sign-in, health) open their own blocks where they need one.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(private readonly db: Db) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const caller = ctx.switchToHttp().getRequest<FastifyRequest>().caller;
    if (!caller) return next.handle();
    // The handler starts when the observable is subscribed, so subscribing inside the block runs
    // it, and everything it awaits, on the block's transaction.
    return from(
      this.db.asTenant(caller.organizationId, () => lastValueFrom(next.handle(), { defaultValue: undefined })),
    );
  }
}
