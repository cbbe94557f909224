import { createHash } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Endpoint, endpoints } from '@scorecard/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../common/app-error.js';
import { ENDPOINT } from '../../common/route.decorator.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { LeasedCounters } from './leased-counters.js';
import type { Count } from './rate-limit-store.js';

/** Probes and scrapers are never limited: a load balancer must always learn whether the app is up. */
const EXEMPT: ReadonlySet<Endpoint> = new Set([endpoints.health, endpoints.ready, endpoints.metrics]);

/** Requests that create accounts or send email to an address: limited per hour per address and per email. */
const HOURLY: ReadonlyMap<Endpoint, string> = new Map<Endpoint, string>([
  [endpoints.signup, 'signup'],
  [endpoints.requestPasswordReset, 'password-reset'],
]);

interface Policy {
  /** The policy's name in the RateLimit headers; none for a limit the headers do not describe. */
  name: string;
  key: string;
  quota: number;
  windowSeconds: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function bearer(req: FastifyRequest): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/**
 * The general request limits (OWASP API4), shared by every instance through `rate_limits`:
 * per signed-in user (or, for a bearer token that is not a session, per token hash) and per client
 * address (`req.ip`; behind a proxy with TRUST_PROXY), RATE_LIMIT_USER_PER_MINUTE and
 * RATE_LIMIT_ADDRESS_PER_MINUTE in fixed one-minute windows; sign-up and password-reset requests
 * also per email address and per client address, SIGNUP_LIMIT_PER_HOUR. Registered after the
 * AuthGuard (it needs the caller), before the request pipeline: a refused request never reaches the
 * handler or its transaction. Every answer it lets through or refuses carries `RateLimit-Policy`
 * and `RateLimit` (draft-ietf-httpapi-ratelimit-headers, structured fields); a refusal is 429
 * `rate_limited` with `Retry-After`. Counted in leases (`LeasedCounters`): a statement per lease,
 * not per request.
 */
@Injectable()
export class RequestLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly counters: LeasedCounters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(ctx: ExecutionContext): boolean | Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const endpoint = this.reflector.get<Endpoint | undefined>(ENDPOINT, ctx.getHandler());
    if (!endpoint || EXEMPT.has(endpoint)) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();

    const policies: Policy[] = [];
    const perMinute = (name: string, key: string, quota: number) =>
      policies.push({ name, key, quota, windowSeconds: 60 });
    const token = bearer(req);
    // An API token counts on its own (not against its creator's screen use), like a user.
    if (req.caller?.apiToken) perMinute('token', `token:${req.caller.apiToken.id}`, this.config.rateLimitUserPerMinute);
    else if (req.caller) perMinute('user', `user:${req.caller.userId}`, this.config.rateLimitUserPerMinute);
    else if (token) perMinute('token', `token:${sha256(token)}`, this.config.rateLimitUserPerMinute);
    perMinute('address', `address:${req.ip}`, this.config.rateLimitAddressPerMinute);
    const hourly = HOURLY.get(endpoint);
    if (hourly) {
      const hour = (name: string, key: string) =>
        policies.push({ name, key, quota: this.config.signupLimitPerHour, windowSeconds: 3600 });
      hour(`${hourly}-address`, `${hourly}:address:${req.ip}`);
      const email = (req.body as { email?: unknown } | undefined)?.email;
      if (typeof email === 'string') hour(`${hourly}-email`, `${hourly}:email:${sha256(email.trim().toLowerCase())}`);
    }

    // Nearly every request is counted from a lease this instance holds: no promise, no statement.
    const counts = this.counters.takeNow(policies);
    if (counts) return this.answer(policies, counts, reply);
    return this.counters.consume(policies).then((taken) => this.answer(policies, taken, reply));
  }

  /** The RateLimit headers of the answer, and a 429 when a policy is over its quota. */
  private answer(policies: readonly Policy[], counts: ReadonlyMap<string, Count>, reply: FastifyReply): true {
    const state = policies.map((p) => {
      const c = counts.get(p.key);
      const points = c?.points ?? 1;
      return {
        ...p,
        remaining: Math.max(0, p.quota - points),
        over: points > p.quota,
        reset: c?.resetSeconds ?? p.windowSeconds,
      };
    });
    void reply
      .header('ratelimit-policy', state.map((s) => `"${s.name}";q=${s.quota};w=${s.windowSeconds}`).join(', '))
      .header('ratelimit', state.map((s) => `"${s.name}";r=${s.remaining};t=${s.reset}`).join(', '));
    const over = state.filter((s) => s.over);
    if (over.length > 0) {
      const retryAfter = Math.max(...over.map((s) => s.reset));
      throw new AppError(
        'rate_limited',
        `Too many requests. Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
        {
          headers: { 'retry-after': String(retryAfter) },
        },
      );
    }
    return true;
  }
}
