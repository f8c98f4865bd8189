import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { startTestApp, type TestApp } from './test-support/test-app.js';

describe('CHISO_TRUST_PROXY', () => {
  const trustProxy = (value: string) => readConfig({ CHISO_TRUST_PROXY: value }).trustProxy;

  it('trusts nobody with 0 or nothing, and only the loopback addresses with 1', () => {
    expect(trustProxy('0')).toBe(false);
    expect(readConfig({}).trustProxy).toBe(false);
    expect(trustProxy('1')).toEqual(['loopback']);
  });

  it('takes a list of addresses, CIDR ranges and range names', () => {
    expect(trustProxy(' 10.0.0.0/8, 192.168.1.5 ,::1, fd00::/8,uniquelocal')).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      '::1',
      'fd00::/8',
      'uniquelocal',
    ]);
  });

  it('stops the start naming the entry that is neither', () => {
    for (const bad of ['proxy.local', '10.0.0.0/33', '10.0.0.1/8/2', '300.1.1.1', '']) {
      const value = `127.0.0.1,${bad}`;
      expect(() => trustProxy(value), value).toThrow(
        expect.objectContaining({
          issues: [
            {
              field: 'CHISO_TRUST_PROXY',
              message: `"${bad}" không phải địa chỉ IP, dải CIDR hay loopback/linklocal/uniquelocal (not an IP address, CIDR range or range name)`,
            },
          ],
        }),
      );
    }
  });
});

/** Opens a connection and resolves, with the time it took, once the server closes it. */
function closedAfter(socket: Socket): Promise<{ ms: number; answer: string }> {
  const started = Date.now();
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  return new Promise((resolve) =>
    socket.on('close', () => resolve({ ms: Date.now() - started, answer })),
  );
}

describe('slow clients', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp('pglite', {
      env: { CHISO_REQUEST_TIMEOUT_S: '1.5', CHISO_MAX_CONNECTIONS: '3' },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  }, 60_000);
  afterAll(async () => t.close());

  it('cuts off a body sent one byte a second once the request has taken too long', async () => {
    const socket = connect(port, '127.0.0.1');
    const closed = closedAfter(socket);
    socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
    );
    const drip = setInterval(() => socket.write('{'), 1000);
    const { ms, answer } = await closed;
    clearInterval(drip);
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(4000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('holds no more connections than the cap', async () => {
    const sockets = Array.from({ length: 3 }, () => connect(port, '127.0.0.1'));
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.on('connect', resolve))));
    // Node counts a connection once it has accepted it: wait until the three are in.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fourth = connect(port, '127.0.0.1');
    const { answer } = await closedAfter(fourth);
    expect(answer).toBe('');
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
  });
});
