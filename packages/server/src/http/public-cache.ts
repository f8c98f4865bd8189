import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { BoundedCache } from './bounded-cache.js';
import { ResponseContractError } from './contract.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Pages: a minute fresh, then served stale while a cache asks again (decision 0022). */
export const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=600';
/** Whole-period downloads change only by an erratum: ten minutes fresh, a day stale. */
export const DOWNLOAD_CACHE = 'public, max-age=600, stale-while-revalidate=86400';

/**
 * Results read through the app's API (0048): an account reads a publication before the portal
 * opens, so no shared cache may keep it; the browser keeps it and asks again each time (304).
 */
export const PRIVATE_CACHE = 'private, no-cache';
/** A preview is computed for its reader and may change at any moment. */
export const PRIVATE_NO_STORE = 'private, no-store';

/** Bumped when the shape of an answer changes, so that no cache keeps an old body's tag. */
const FORMAT = 'p1';
/** Not worth compressing below this. */
const MIN_COMPRESS = 1024;

type Encoding = 'br' | 'gzip';

/** One answer, built once per key: its bytes, and each compressed copy once asked. */
export interface CachedBody {
  tag: string;
  type: string;
  body: Buffer;
  /** Compressed copies, made on first demand (a zip is not compressed again). */
  encoded: Partial<Record<Encoding, Buffer>>;
  compressible: boolean;
  fileName?: string | undefined;
}

export interface AnswerSpec {
  /** Everything the body depends on: route, period, version, block or unit, … */
  key: string;
  type: string;
  cacheControl: string;
  compressible?: boolean;
  /** Sent as an attachment with this name. */
  fileName?: string;
  build: () => Promise<Buffer>;
}

/** Strong tags, one per representation: the identity body and each encoding. */
function tagOf(key: string, encoding?: Encoding): string {
  const hash = createHash('sha256').update(`${FORMAT}|${key}`).digest('base64url').slice(0, 27);
  return `"${hash}${encoding ? `-${encoding}` : ''}"`;
}

/** br before gzip, as the client allows; q=0 refuses. */
export function encodingFor(request: FastifyRequest): Encoding | undefined {
  const header = String(request.headers['accept-encoding'] ?? '');
  const accepts = (name: string) =>
    header
      .split(',')
      .map((part) => part.trim().split(';'))
      .some(([token, q]) => token === name && !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''));
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return undefined;
}

/** Whether If-None-Match names this resource in any of its representations (or is "*"). */
function notModified(request: FastifyRequest, key: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  const asked = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (asked.includes('*')) return true;
  const tags = [tagOf(key), tagOf(key, 'br'), tagOf(key, 'gzip')];
  return asked.some((t) => tags.includes(t));
}

/**
 * Public answers from their cached bytes: 304 when the client holds the same tag (decided
 * before anything is built), else the body in the encoding the client takes, compressed once.
 * The embargo is the caller's: it checked the period at this request before asking.
 */
export class PublicAnswers {
  readonly bodies: BoundedCache<CachedBody>;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.bodies = new BoundedCache<CachedBody>(
      { maxEntries: 20_000, maxSize: maxBytes },
      (entry) =>
        entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0),
    );
  }

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    spec: AnswerSpec,
  ): Promise<FastifyReply> {
    const compressible = spec.compressible ?? true;
    reply.header('cache-control', spec.cacheControl);
    if (compressible) reply.header('vary', 'Accept-Encoding');
    if (notModified(request, spec.key)) {
      return reply
        .code(304)
        .header('etag', tagOf(spec.key, encodingFor(request)))
        .send();
    }
    const entry = await this.bodies.getOrBuild(spec.key, async () => ({
      tag: tagOf(spec.key),
      type: spec.type,
      body: await spec.build(),
      encoded: {},
      compressible,
      fileName: spec.fileName,
    }));
    const encoding =
      compressible && entry.body.length >= MIN_COMPRESS ? encodingFor(request) : undefined;
    let body = entry.body;
    if (encoding) {
      body = entry.encoded[encoding] ?? (await this.encode(spec.key, entry, encoding));
      reply.header('content-encoding', encoding);
    }
    if (entry.fileName)
      reply.header('content-disposition', `attachment; filename="${entry.fileName}"`);
    return reply
      .header('etag', tagOf(spec.key, encoding))
      .header('content-type', entry.type)
      .send(body);
  }

  private async encode(key: string, entry: CachedBody, encoding: Encoding): Promise<Buffer> {
    // In the thread pool, not on the event loop; brotli at level 5 costs about what gzip does.
    const bytes =
      encoding === 'br'
        ? await brotliAsync(entry.body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 5,
              [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
            },
          })
        : await gzipAsync(entry.body, { level: 6 });
    entry.encoded[encoding] = bytes;
    this.bodies.resize(key);
    return bytes;
  }
}

/**
 * The JSON of a contract answer, serialised once. With CHISO_VALIDATE_RESPONSES=1 (tests) it is
 * parsed back and checked against the route's schema, as every other JSON answer is (0015).
 */
export function contractJson(
  schema: z.ZodType,
  value: unknown,
  validate: boolean,
  route: string,
): Buffer {
  const json = JSON.stringify(value);
  if (validate) {
    const result = schema.safeParse(JSON.parse(json));
    if (!result.success) throw new ResponseContractError(route, '200', result.error.issues);
  }
  return Buffer.from(json, 'utf8');
}

/** Refusals and "not found" are never kept by a browser or a proxy (the embargo lifts). */
export async function noStoreUnlessAnswered(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
) {
  if (reply.statusCode >= 400) reply.header('cache-control', 'no-store');
  return payload;
}
