import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { PinoNestLogger } from './common/logger.js';
import { ProblemFilter } from './common/problem.filter.js';
import { clientErrorResponse } from './common/problem.js';
import { RequestPipeline } from './common/request-pipeline.js';
import type { HandlerRunner } from './common/route.decorator.js';
import { securityHeaders } from './common/security-headers.js';
import type { AppConfig } from './config/env.js';
import { AppModule } from './app.module.js';
import { MetricsService } from './modules/metrics/metrics.service.js';
import { buildOpenApiDocument } from './openapi/document.js';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The root module when `createApp` is given modules to serve beside the app's. */
class AppWithImports {}

export interface CreateAppOptions {
  /** Serve the web app's files and the docs UI (default true). */
  assets?: boolean;
  /** Modules served beside the app's, under its global guard, interceptors and filter. */
  imports?: NonNullable<DynamicModule['imports']>;
}

/**
 * Builds the whole product, API and web app, on one Fastify server; does not listen yet.
 * `assets: false` leaves out the web app's files and the docs UI: their plugins load an ESM-only
 * dependency through `require`, which Node 20 allows but Jest's module runtime does not, so the API
 * tests run without them and a test of the real process checks them. `imports` are modules served
 * beside the app's, under its global guard, interceptors and filter (the benchmark adds a route).
 */
export async function createApp(
  config: AppConfig & { databaseUrl: string },
  log: Logger,
  { assets = true, imports = [] }: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: log,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Fastify's own answer to an unparsable request (e.g. 431 for a huge URL) is plain JSON.
    clientErrorHandler: (err: Error & { code?: string }, socket: Duplex) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(clientErrorResponse(err));
      socket.destroy(err);
    },
  });
  const root: DynamicModule = imports.length
    ? { module: AppWithImports, imports: [AppModule.forRoot(config), ...imports] }
    : AppModule.forRoot(config);
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: new PinoNestLogger(log),
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Every route's handler runs inside the request pipeline; `Route` finds it here, per app (the
  // tests run several apps in one process).
  fastify.decorate<HandlerRunner>('requestPipeline', app.get(RequestPipeline));
  // Every answer carries the security headers and its request id, set before anything else runs
  // so that errors, 404s and the debrief's event stream (which copies the reply's headers) get them.
  const security = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: config.cookieSecure,
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.headers(security).header('x-request-id', req.id);
    done();
  });
  // Every answered request, by route template, for GET /api/metrics (served with METRICS_TOKEN only).
  app.get(MetricsService).instrument(fastify);

  await app.register(fastifyCookie);
  // Candidate file uploads (FilesController reads the one file part itself, up to FILE_MAX_BYTES).
  await app.register(fastifyMultipart, { limits: { fileSize: config.fileMaxBytes, files: 1, fields: 10, parts: 11 } });

  const document = buildOpenApiDocument('1');
  fastify.get('/api/openapi.json', async () => document);
  let indexHtml: string | null = null;
  if (assets) {
    const [{ default: fastifySwagger }, { default: fastifySwaggerUi }, { default: fastifyStatic }] = await Promise.all([
      import('@fastify/swagger'),
      import('@fastify/swagger-ui'),
      import('@fastify/static'),
    ]);
    await app.register(fastifySwagger, { mode: 'static', specification: { document: document as never } });
    await app.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // Plain http on localhost must keep working: never ask the browser to upgrade to https.
      transformStaticCSP: (header: string) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
    });
    const index = join(config.webDist, 'index.html');
    if (existsSync(index)) {
      indexHtml = readFileSync(index, 'utf8');
      await app.register(fastifyStatic, {
        root: config.webDist,
        prefix: '/',
        // An array, not a string: with `preCompressed`, @fastify/static 10.1.11 looks the index up
        // only in an array, and a string makes `/` fall through to ProblemFilter's uncompressed copy.
        index: ['index.html'],
        wildcard: true,
        cacheControl: false,
        // The build writes a `.br` and a `.gz` beside each text asset (apps/web/vite.config.ts): serve
        // the one Accept-Encoding prefers (br, then gzip, honouring q=0), else the original, with the
        // original's Content-Type and `Vary: Accept-Encoding`. Nothing is compressed per request.
        // index.html as the SPA fallback (ProblemFilter) goes uncompressed: it is under 1 kB.
        preCompressed: true,
        // Source maps would hand anyone the app's original source: in production a `.map` is a 404,
        // and so is a compressed copy of one asked for by name (the build makes none; belt and braces).
        allowedPath: (path: string) => config.env !== 'production' || !/\.map(\.br|\.gz)?$/.test(path),
        // Built assets have content hashes in their names; everything else must be revalidated.
        setHeaders: (res, path) =>
          void res.header(
            'cache-control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          ),
      });
    } else {
      log.warn({ webDist: config.webDist }, 'the web app is not built; serving the API only');
    }
  }
  app.useGlobalFilters(new ProblemFilter(indexHtml));
  return app;
}
