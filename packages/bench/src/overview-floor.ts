import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * The floor the HTTP figure is measured against: a bare Fastify on the same machine answering
 * the same path with the very same body, read from a file once. No session, no database, no
 * logging, no work: no real answer over HTTP can come quicker. It tells its port to the
 * parent, its processor time on "cpu", and stops on "stop".
 *
 * Usage (forked): node overview-floor.js <body.json> <path>
 */
const [file = '', path = '/'] = process.argv.slice(2);
const body = readFileSync(file);
const app = Fastify();
app.get(path, (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', (message) => {
  // The processor time spent so far, so that the parent can tell the cost of each request.
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message === 'stop') void app.close().then(() => process.exit(0));
});
