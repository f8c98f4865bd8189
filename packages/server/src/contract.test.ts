import { errorResponse, isoDateTime } from '@chiso/contract';
import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  contractSerializerCompiler,
  declaredStatusHook,
  responds,
  ResponseContractError,
  type ContractTypeProvider,
} from './http/contract.js';
import { handleError } from './http/errors.js';
import { startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld } from './test-support/world.js';

interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
}
interface Operation {
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

/** "/api/surveys/:id/paper" as OpenAPI writes it: "/api/surveys/{id}/paper". */
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

/** The files of the interactive documentation and of the built web app are plugins' routes. */
const isPluginRoute = (route: RouteOptions) =>
  route.url.startsWith('/api/docs') || route.url === '/*';

/**
 * A handler that reads an uploaded file, by what it calls (request.file, readUploadedTables,
 * openUploadedFile for the imports that stream their file into pieces, decision 0055).
 */
const readsUpload = (route: RouteOptions) =>
  /\.file\(|readUploaded(Tables|File)\b|openUploadedFile\b/.test(String(route.handler));

const methodsOf = (route: RouteOptions) =>
  (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');

describe('every route keeps a contract', () => {
  let t: TestApp;
  let routes: RouteOptions[];

  beforeAll(async () => {
    t = await startTestApp('pglite');
    routes = t.routes.filter((r) => !isPluginRoute(r) && methodsOf(r).length > 0);
  }, 60_000);
  afterAll(async () => t.close());

  it('declares a response schema on every route, a 2xx one and the error shape on the API', () => {
    expect(routes.length).toBeGreaterThan(75);
    const missing = routes
      .filter((route) => Object.keys(route.schema?.response ?? {}).length === 0)
      .map((route) => `${methodsOf(route).join(',')} ${route.url}`);
    expect(missing, 'routes without a response schema').toEqual([]);
    for (const route of routes.filter((r) => r.url.startsWith('/api/') && !r.schema?.hide)) {
      const response = route.schema?.response as Record<string, unknown>;
      const where = `${methodsOf(route).join(',')} ${route.url}`;
      expect(
        Object.keys(response).some((status) => /^2\d\d$/.test(status)),
        where,
      ).toBe(true);
      expect(response['4xx'], where).toBe(errorResponse);
      expect(response['5xx'], where).toBe(errorResponse);
    }
  });

  it('describes every upload as multipart/form-data, never as a validated body', () => {
    const uploads = routes.filter(readsUpload);
    expect(uploads.map((r) => r.url).sort()).toEqual([
      '/api/frameworks/import',
      '/api/periods/:periodId/statistics/import',
      '/api/periods/:periodId/statistics/preview',
      '/api/periods/:periodId/surveys/import',
      '/api/periods/:periodId/units/:unitId/evidence',
      '/api/surveys/:id/frame/import',
      '/api/surveys/:id/responses/import',
      '/api/task-dispatches/import',
      '/api/units/:unitId/plans/:periodId/import',
      '/api/units/:unitId/tasks/:taskId/evidence',
      '/api/units/import',
      '/api/users/import',
    ]);
    for (const route of uploads) {
      expect(route.schema?.consumes, route.url).toEqual(['multipart/form-data']);
      expect(route.schema?.multipartForm, route.url).toBeDefined();
      // The file is read as a stream by the handler: a body schema would refuse the request.
      expect(route.schema?.body, route.url).toBeUndefined();
    }
  });

  it('publishes them in /api/openapi.json: a 2xx answer everywhere, uploads as multipart', async () => {
    const r = await t.request('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    const document = r.body as OpenApi;
    const documented = routes.filter(
      (route) => route.url.startsWith('/api/') && !route.schema?.hide,
    );
    for (const route of documented) {
      for (const method of methodsOf(route)) {
        const operation = document.paths[openApiPath(route.url)]?.[method.toLowerCase()];
        const where = `${method} ${route.url}`;
        expect(operation, where).toBeDefined();
        const success = Object.entries(operation!.responses).filter(([status]) =>
          /^2\d\d$/.test(status),
        );
        expect(success.length, where).toBeGreaterThan(0);
        for (const [, answer] of success) {
          const [type, media] = Object.entries(answer.content ?? {})[0] ?? [];
          expect(type, where).toBeDefined();
          // JSON answers carry their object or list schema; downloads are binary.
          if (type === 'application/json') expect(media?.schema, where).toBeDefined();
          else expect(media?.schema, where).toMatchObject({ type: 'string', format: 'binary' });
        }
        expect(operation!.responses['4XX'], where).toBeDefined();
        const upload = operation!.requestBody?.content['multipart/form-data'];
        if (readsUpload(route)) {
          expect(upload?.schema.properties?.file, where).toMatchObject({
            type: 'string',
            format: 'binary',
          });
          expect(upload?.schema.required, where).toContain('file');
          expect(Object.keys(operation!.requestBody!.content), where).toEqual([
            'multipart/form-data',
          ]);
        } else {
          expect(upload, where).toBeUndefined();
        }
      }
    }
    // Every reference points into the document (the recursive rule JSON is a named component).
    const refs = [
      ...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, name] of refs) expect(document.components?.schemas, name).toHaveProperty(name!);
  });

  // Most answers are checked by the tests of their area; these two are read by no other.
  it('answers a policy change and the public list of periods within their contract', async () => {
    const w = await seedWorld(t);
    const policy = {
      bands: [
        { label: 'Từ 85% trở lên', minPercent: '85' },
        { label: 'Dưới 85%', minPercent: '0' },
      ],
      headRating: [{ label: 'Hoàn thành nhiệm vụ', minPercent: '0', minAreaPercent: '0' }],
      flags: [],
    };
    // A framework no period uses yet: its policy may change.
    const copy = await t.request('POST', `/api/frameworks/${w.frameworkId}/copy`, {
      as: w.sessions.admin,
      body: { year: 2024 },
    });
    expect(copy.status).toBe(201);
    const r = await t.request('PUT', `/api/frameworks/${(copy.body as { id: string }).id}/policy`, {
      as: w.sessions.admin,
      body: policy,
    });
    expect(r.status).toBe(200);
    expect((r.body as { policy: unknown }).policy).toEqual(policy);
    const periods = await t.request('GET', '/api/published-periods');
    expect(periods).toMatchObject({ status: 200, body: [] });
  }, 60_000);

  it('documents the answer itself: the assessment page as a strict object', async () => {
    const document = (await t.request('GET', '/api/openapi.json')).body as OpenApi;
    const answer =
      document.paths['/api/periods/{periodId}/units/{unitId}/assessment']?.get?.responses['200'];
    const schema = answer?.content?.['application/json']?.schema as JsonSchema & {
      additionalProperties?: boolean;
    };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['framework', 'entries', 'self']));
  });
});

describe('checking answers against their contract', () => {
  const answer = z.strictObject({ id: z.string(), at: isoDateTime });

  async function appWith(validate: boolean, body: unknown, status = 200) {
    const breaks: ResponseContractError[] = [];
    const options = { validate, onBreak: (e: ResponseContractError) => breaks.push(e) };
    const app = Fastify().withTypeProvider<ContractTypeProvider>();
    app.setSerializerCompiler(contractSerializerCompiler(options));
    if (validate) app.addHook('preSerialization', declaredStatusHook(options));
    app.setErrorHandler(handleError);
    app.get(
      '/thing',
      { schema: { response: responds({ 200: answer }) } },
      // The handler may be wrong on purpose: its answer not what the contract says.
      async (_request, reply) => reply.code(status as 200).send(body as z.output<typeof answer>),
    );
    const response = await app.inject({ method: 'GET', url: '/thing' });
    await app.close();
    return { response, breaks };
  }

  it('lets a Date travel as its ISO text', async () => {
    const { response, breaks } = await appWith(true, {
      id: 'a',
      at: new Date(Date.UTC(2023, 0, 5, 2)),
    });
    expect(breaks).toEqual([]);
    expect(response.json()).toEqual({ id: 'a', at: '2023-01-05T02:00:00.000Z' });
  });

  it('refuses an undeclared field or a wrong type with a 500, naming what and where', async () => {
    const { response, breaks } = await appWith(true, { id: 1, at: 'hôm qua', extra: true });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ error: { code: 'INTERNAL' } });
    expect(breaks).toHaveLength(1);
    const [error] = breaks;
    expect(error).toBeInstanceOf(ResponseContractError);
    expect(error!.route).toBe('GET /thing');
    expect(error!.status).toBe('200');
    expect(error!.issues.map((issue) => `${issue.code} ${issue.path.join('.')}`).sort()).toEqual([
      'invalid_format at',
      'invalid_type id',
      'unrecognized_keys ',
    ]);
    expect(error!.message).toContain('extra');
  });

  it('refuses a JSON answer with a status the route does not declare', async () => {
    const { response, breaks } = await appWith(
      true,
      { id: 'a', at: '2023-01-05T02:00:00.000Z' },
      201,
    );
    expect(response.statusCode).toBe(500);
    expect(breaks.map((e) => [e.route, e.status])).toEqual([['GET /thing', '201']]);
  });

  it('only serialises in production: the same answer goes out as it is', async () => {
    const { response, breaks } = await appWith(false, { id: 1, at: 'hôm qua', extra: true });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 1, at: 'hôm qua', extra: true });
    expect(breaks).toEqual([]);
  });
});
