import Fastify from 'fastify';
import { recordAudit } from '../../server/dist/audit/record-audit.js';
import { openDatabase } from '../../server/dist/db/database.js';
import { findEntry, writeEntry } from '../../server/dist/repositories/entries.js';
import { lockParticipation } from '../../server/dist/repositories/periods.js';
import { adminContext } from './bench-context.js';

/**
 * The floor of saving an entry: a bare Fastify whose PUT runs the very transaction the save
 * writes — the participation share-locked, the entry read, written at its version, the audit
 * row — with no session, authorization, scope, framework or rule evaluation around it. It
 * tells its port to the parent, its processor time on "cpu", and stops on "stop".
 *
 * Usage (forked): node entry-floor.js <data dir> <period id> <unit id> [database URL]
 */
const [dataDir = '', periodId = '', unitId = '', databaseUrl] = process.argv.slice(2);
const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
const { db } = database;
const ctx = adminContext(db, new Date(), 'chiso-entry-floor');
const app = Fastify();
app.put<{ Params: { code: string }; Body: { explanation: string; version: number } }>(
  '/entries/:code',
  async (request) => {
    const key = { periodId, unitId, code: request.params.code };
    return db.transaction(async (tx) => {
      await lockParticipation(tx, periodId, unitId, 'share');
      const before = await findEntry(tx, periodId, unitId, key.code);
      const row = await writeEntry(tx, key, request.body.version, {
        selfExplanation: request.body.explanation,
        selfUpdatedAt: ctx.now,
      });
      await recordAudit(tx, ctx, {
        action: 'entry.self.save',
        entityType: 'entry',
        entityId: `${periodId}/${unitId}/${key.code}`,
        ...key,
        before: before && { selfExplanation: before.selfExplanation },
        after: { selfExplanation: row.selfExplanation },
      });
      return { version: row.version };
    });
  },
);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message === 'stop') void app.close().then(() => database.close().then(() => process.exit(0)));
});
