import fastifyCookie from '@fastify/cookie';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from './context.js';
import {
  contractSchemaTransform,
  contractSerializerCompiler,
  declaredStatusHook,
  responds,
  type ContractTypeProvider,
  type ResponseContractError,
} from './http/contract.js';
import { registerCompression } from './http/compression.js';
import { loadSession } from './http/context.js';
import { handleError, handleNotFound } from './http/errors.js';
import { guardInput } from './http/input-guard.js';
import { securityHeadersHook } from './http/security-headers.js';
import { zodValidatorCompiler } from './http/validation.js';
import { WEB_ROOT } from './paths.js';
import { registerRoutes } from './routes/index.js';

export type App = FastifyInstance;

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

export interface AppOptions {
  logger?: boolean;
  /** Told of each answer that breaks its contract (with CHISO_VALIDATE_RESPONSES=1). */
  onContractBreak?: (error: ResponseContractError) => void;
  /** Told of each route as it is added (tests list them to check every one has a contract). */
  onRoute?: (route: RouteOptions) => void;
  /** The built web app's folder; tests give one of their own. */
  webRoot?: string;
}

/** Builds the HTTP application over its dependencies; tests call it with their own. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<App> {
  const limits = deps.config.connections;
  const serializing = {
    validate: deps.config.validateResponses,
    ...(options.onContractBreak ? { onBreak: options.onContractBreak } : {}),
  };
  const serializerCompiler = contractSerializerCompiler(serializing);
  const app = Fastify({
    // The routes validate and serialize with zod (http/contract.ts): giving Fastify these
    // factories keeps it from loading Ajv and fast-json-stringify at all (0052).
    schemaController: {
      // Fastify types the factories after Ajv's; it calls what they return as any compiler.
      compilersFactory: {
        buildValidator: () => zodValidatorCompiler,
        buildSerializer: () => serializerCompiler,
      } as unknown as CompilersFactory,
    },
    logger: options.logger === false ? false : { level: deps.config.logLevel },
    // Only the declared proxies' X-Forwarded-For is believed (decision 0031).
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // A body sent a byte at a time is cut off once the whole request has taken too long.
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxRequestsPerSocket: limits.maxRequestsPerSocket,
    http: {
      headersTimeout: Math.min(60_000, limits.requestTimeoutMs),
      // Node looks for requests past their time every 30 s by default; a short limit is checked more often.
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, limits.requestTimeoutMs / 4)),
    },
  }).withTypeProvider<ContractTypeProvider>();
  app.server.maxConnections = limits.maxConnections;

  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (serializing.validate) app.addHook('preSerialization', declaredStatusHook(serializing));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.addHook('preValidation', guardInput);

  // Before any route: the plugin hooks each route as it is added.
  await registerCompression(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    // Keep any folder part of a file name, so that a path is refused rather than silently cut.
    preservePath: true,
    limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'chiso API',
        description:
          'API của chiso: bộ chỉ số, kỳ đánh giá, tự đánh giá, thẩm định, kết quả Chỉ số CCHC',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'chiso_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Mã API (chiso_…)' },
        },
      },
    },
    transform: contractSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('preHandler', async (request) => loadSession(request, deps));
  app.addHook(
    'onSend',
    securityHeadersHook({ httpsPublicUrl: deps.config.publicUrl.startsWith('https://') }),
  );
  const openApiDocument = z.looseObject({
    openapi: z.string(),
    paths: z.record(z.string(), z.unknown()),
  });
  app.get(
    '/api/openapi.json',
    { schema: { hide: true, response: responds({ 200: openApiDocument }) } },
    // The document's interface has no index signature; its shape is @fastify/swagger's.
    () => app.swagger() as unknown as z.output<typeof openApiDocument>,
  );
  await app.register((api) => registerRoutes(api.withTypeProvider<ContractTypeProvider>(), deps), {
    prefix: '/api',
  });
  const webRoot = options.webRoot ?? WEB_ROOT;
  if (existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // The build wrote .br and .gz beside each text file (vite.config.ts): sent as they are.
      preCompressed: true,
      setHeaders: (response, path) => {
        // Built assets carry a content hash in their name: cache them for good; the page, never.
        response.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    // Without a built web app (tests, API-only use), the root leads to the API documentation.
    app.get('/', { schema: { hide: true, response: { 302: z.undefined() } } }, (_request, reply) =>
      reply.redirect('/api/docs'),
    );
  }
  app.get(
    '/healthz',
    {
      schema: {
        hide: true,
        response: responds({ 200: z.strictObject({ status: z.literal('ok') }) }),
      },
    },
    async () => {
      await deps.db.execute('select 1');
      return { status: 'ok' as const };
    },
  );
  return app;
}
