import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * The floor of the portal's figure: a bare Fastify answering the same path with the very same
 * bytes (identity or brotli, with the same content-encoding), read from a file once. It tells
 * its port to the parent, its processor time on "cpu", and stops on "stop".
 *
 * Usage (forked): node portal-floor.js <body file> <path> [br]
 */
const [file = '', path = '/', encoding] = process.argv.slice(2);
const body = readFileSync(file);
const app = Fastify();
app.get(path, (_request, reply) => {
  if (encoding) reply.header('content-encoding', encoding);
  return reply.type('application/json; charset=utf-8').send(body);
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message === 'stop') void app.close().then(() => process.exit(0));
});
