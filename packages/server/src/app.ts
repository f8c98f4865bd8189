import fastifyCookie from '@fastify/cookie';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
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

/** The built web app, next to the server in the repository (packages/web/dist). */
const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'SAMEORIGIN',
};
// Mantine sets inline styles; scripts, frames (evidence previews) and everything else stay on this origin.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

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
  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    // The interactive API documentation runs its own inline scripts.
    if (!request.url.startsWith('/api/docs'))
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register((api) => registerRoutes(api.withTypeProvider<ZodTypeProvider>(), deps), {
    prefix: '/api',
  });
  if (existsSync(join(WEB_ROOT, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
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
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/api/docs'));
  }
  app.get('/healthz', { schema: { hide: true } }, async () => {
    await deps.db.execute('select 1');
    return { status: 'ok' };
  });
  return app;
}
