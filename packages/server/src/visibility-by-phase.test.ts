import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-support/test-app.js';
import {
  COMMENT,
  SUPPLEMENT,
  observe,
  READERS,
  type Reader,
  type Seen,
} from './test-support/visibility-observe.js';
import { seedWorld, type World } from './test-support/world.js';

/**
 * Nothing shown before its time (issue 13 item 2, decision 0032): a period walked through
 * each phase, and at each phase every read of Sở Nội vụ's leaf 3.1 and of the results, as
 * every reader, compared field by field with what the visibility rule allows.
 * Sở Nội vụ claims 1 point on 3.1 (596/596); td1 appraises it 0,5 with a comment and asks
 * for a supplement, which the unit reads at once, signed by the team, not by td1.
 */
const PHASES = [
  'selfAssessment',
  'appraisal',
  'explanation',
  'council',
  'approved',
  'published',
] as const;
type Phase = (typeof PHASES)[number];

const UNIT_OF: Partial<Record<Reader, string>> = {
  'cb.snv': 'SNV',
  'tt.snv': 'SNV',
  'cb.syt': 'SYT',
};
const FORBIDDEN = 403;

function expected(phase: Phase, reader: Reader): Seen {
  const at = PHASES.indexOf(phase);
  const appraised = at >= PHASES.indexOf('appraisal');
  const sent = at >= PHASES.indexOf('explanation');
  const published = phase === 'published';
  const unit = UNIT_OF[reader];
  // Who reaches Sở Nội vụ at all: its own people, its appraiser td1, the council, the administrator.
  const reachesSnv = unit === undefined ? reader !== 'td2' : unit === 'SNV';
  // What of the appraisal the reader may see: a unit once the round is sent, others always.
  const appraisalSeen = unit === undefined || sent;
  const effective = appraised ? 0.5 : 1;
  const previewUnits =
    unit !== undefined
      ? [unit]
      : reader === 'td1'
        ? ['SNV']
        : reader === 'td2'
          ? ['SYT']
          : ['SNV', 'SYT'];
  const units = published ? ['SNV', 'SYT'] : previewUnits;
  const ranked = published || unit === undefined;
  const snvPoints = !units.includes('SNV') ? null : published || unit === undefined ? effective : 1;
  return {
    history: !reachesSnv
      ? FORBIDDEN
      : {
          appraisedPoints: appraised && appraisalSeen,
          comment: appraised && appraisalSeen,
          appraiser: appraised && appraisalSeen,
          supplement: appraised,
          ip: reader === 'admin',
        },
    results: { units, snvPoints, ranks: ranked, areaRanks: ranked, details: ranked },
    xlsx: { units, ranks: ranked, comment: ranked && appraised && units.includes('SNV') },
    assessment: !reachesSnv
      ? FORBIDDEN
      : {
          appraisedPoints: appraisalSeen ? effective : null,
          comment: appraised && appraisalSeen,
        },
    record: !reachesSnv ? FORBIDDEN : !appraisalSeen || phase === 'selfAssessment' ? 409 : 200,
    selfReport: !reachesSnv
      ? FORBIDDEN
      : unit === undefined && phase === 'selfAssessment'
        ? 409
        : { unitNamed: true, comment: false, appraiser: false },
  };
}

describe('what each reader sees of a unit, phase by phase', () => {
  let t: TestApp;
  let w: World;
  const seen = new Map<Phase, Record<string, Seen>>();
  const ok = async (...args: Parameters<TestApp['request']>) => {
    const r = await t.request(...args);
    if (r.status >= 300) throw new Error(`${args[1]}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const snapshot = async (phase: Phase) => {
    const byReader: Record<string, Seen> = {};
    for (const reader of READERS) byReader[reader] = await observe(t, w, reader);
    seen.set(phase, byReader);
  };

  beforeAll(async () => {
    t = await startTestApp('pglite');
    w = await seedWorld(t);
    const s = w.sessions;
    const unit = (id: string) => `/api/periods/${w.periodId}/units/${id}`;
    t.setTime('05/01/2023 09:00');
    await ok('PUT', `${unit('SNV')}/entries/3.1`, {
      as: s['cb.snv'],
      body: {
        facts: { numerator: 596, denominator: 596 },
        explanation: 'Theo báo cáo năm',
        version: 0,
      },
    });
    await ok('PUT', `${unit('SYT')}/entries/3.1`, {
      as: s['cb.syt'],
      body: {
        facts: { numerator: 574, denominator: 596 },
        explanation: 'Theo báo cáo năm',
        version: 0,
      },
    });
    await snapshot('selfAssessment');
    await ok('POST', `${unit('SNV')}/submit`, { as: s['tt.snv'] });
    await ok('POST', `${unit('SYT')}/submit`, { as: s['tt.syt'] });
    t.setTime('12/01/2023 10:00');
    await ok('PUT', `${unit('SNV')}/entries/3.1/appraisal`, {
      as: s.td1,
      body: {
        points: '0,5',
        comment: COMMENT,
        supplementDeadline: '14/01/2023 17:00',
        supplementNote: SUPPLEMENT,
        version: 1,
      },
    });
    await snapshot('appraisal');
    await ok('POST', `${unit('SNV')}/finalise`, { as: s.td1 });
    await ok('POST', `${unit('SYT')}/finalise`, { as: s.td2 });
    t.setTime('18/01/2023 09:00');
    await snapshot('explanation');
    await ok('POST', `${unit('SNV')}/finalise`, { as: s.td1 });
    await ok('POST', `${unit('SYT')}/finalise`, { as: s.td2 });
    await snapshot('council');
    t.setTime('22/01/2023 09:00');
    await ok('POST', `/api/periods/${w.periodId}/approve`, {
      as: s.hd1,
      body: { decisionNumber: '15/QĐ-HĐ', decisionDate: '2023-01-22' },
    });
    await snapshot('approved');
    t.setTime('02/02/2023 09:00');
    await ok('POST', `/api/periods/${w.periodId}/publish`, { as: s.admin });
    await snapshot('published');
  }, 240_000);
  afterAll(async () => t.close());

  for (const phase of PHASES) {
    it(`shows each reader only what is due in the ${phase} phase`, () => {
      const byReader = seen.get(phase);
      expect(byReader).toBeDefined();
      const want = Object.fromEntries(READERS.map((r) => [r, expected(phase, r)]));
      expect(byReader).toEqual(want);
    });
  }
});
