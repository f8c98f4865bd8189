import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COMPRESS_THRESHOLD } from './compression.js';
import { encodingFor, type CachedBody } from './public-cache.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * A private answer kept as bytes (the assessment page, decision 0051), sent in the encoding
 * the client takes, each encoding compressed once per kept answer, with the settings the
 * compression plugin uses for the same answer built afresh (compression.ts).
 */
export async function sendCachedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CachedBody,
): Promise<FastifyReply> {
  const encoding =
    entry.compressible && entry.body.length >= COMPRESS_THRESHOLD
      ? encodingFor(request)
      : undefined;
  reply.header('content-type', entry.type);
  if (encoding === undefined) return reply.send(entry.body);
  let bytes = entry.encoded[encoding];
  if (bytes === undefined) {
    // In the thread pool, not on the event loop.
    bytes =
      encoding === 'br'
        ? await brotliAsync(entry.body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 4,
              [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
            },
          })
        : await gzipAsync(entry.body, { level: 6 });
    entry.encoded[encoding] = bytes;
  }
  return reply.header('vary', 'Accept-Encoding').header('content-encoding', encoding).send(bytes);
}
