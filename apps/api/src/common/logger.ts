import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Secrets and personal data never reach them: credentials are redacted, and
 * request bodies are not logged at all.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'scorecard-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: {
        // The path only: query strings can carry search terms that name people. A calendar feed's
        // path is its secret link.
        req: (req: { id?: unknown; method?: string; url?: string; ip?: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url?.split('?')[0]?.replace(/\/calendar-feeds\/[^/]+/, '/calendar-feeds/[redacted]'),
          remoteAddress: req.ip,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
          '*.passwordHash',
          '*.email',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** Routes Nest's own log lines into the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pinoLog: Logger) {}
  // Nest's `log` level is its wiring chatter (modules loaded, routes mapped): debug for us.
  log(message: unknown, context?: string) {
    this.pinoLog.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.pinoLog.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.pinoLog.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.pinoLog.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.pinoLog.trace({ context }, String(message));
  }
}
