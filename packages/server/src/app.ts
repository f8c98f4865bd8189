import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './context.js';
import { loadSession } from './http/context.js';
import { handleError, handleNotFound } from './http/errors.js';
import { zodValidatorCompiler } from './http/validation.js';
import { registerRoutes } from './routes/index.js';

export type App = FastifyInstance;

/** Builds the HTTP application over its dependencies; tests call it with their own. */
export async function buildApp(deps: Deps, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

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
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('preHandler', async (request) => loadSession(request, deps));
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register((api) => registerRoutes(api.withTypeProvider<ZodTypeProvider>(), deps), {
    prefix: '/api',
  });
  // The web app is served here once it exists; until then, the interactive API documentation.
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/api/docs'));
  app.get('/healthz', { schema: { hide: true } }, async () => {
    await deps.db.execute('select 1');
    return { status: 'ok' };
  });
  return app;
}
