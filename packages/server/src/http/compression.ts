import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * Text answers only: spreadsheets, archives, PDF and images are compressed already, and a
 * second pass costs CPU for nothing. Types are matched on their essence, before any parameter.
 */
export const COMPRESSIBLE_TYPES =
  /^(application\/(json|problem\+json|javascript)|text\/(html|css|javascript|plain|csv)|image\/svg\+xml)(;|$)/;

/** Not worth compressing below this (the same as the public answers, http/public-cache.ts). */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Answers compressed on the fly for clients that ask (br before gzip), above the threshold.
 * Answers already encoded (the public cache, the built assets' .br/.gz copies) pass untouched;
 * so do routes declared `compress: false` (evidence downloads). Request bodies are never
 * inflated: an upload arrives as sent, under the body limit as sent.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    route.decompress ??= false;
  });
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD,
    customTypes: COMPRESSIBLE_TYPES,
    // Quality 4 costs about what gzip 6 does and still gains on it; 11 would stall the loop.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
