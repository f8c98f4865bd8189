import type { ResultsJson } from '@chiso/core';
import {
  castOf,
  importFramework,
  ok,
  runUntouched,
  SXD_CSV,
  SXD_SELF,
  type Cast,
} from './cycle.js';
import type { TestApp } from './test-app.js';

export interface PortalWorld {
  cast: Cast;
  frameworkId: string;
  /** Published on 02/02/2023 09:00 without an opening time: public at once. */
  y2022: { periodId: string; published: ResultsJson };
  /** Published on 02/02/2024 09:00, public from 10/02/2024 08:00 (Vietnam time). */
  y2023: { periodId: string; published: ResultsJson };
}

/** The opening of the 2023 period as the administrator types it. */
export const OPENS_2023 = '2024-02-10T08:00:00+07:00';

/**
 * Two published years of two departments. In 2023 Sở Xây dựng (SXD) is renamed Sở Quy hoạch -
 * Kiến trúc (SQH, lineage "rename"), and Sở Giao thông vận tải overtakes it; 2023 is embargoed.
 * `beforePublish` runs on the approved 2023 period just before it is published.
 */
export async function seedPortalWorld(
  t: TestApp,
  beforePublish?: (periodId: string, cast: Cast) => Promise<void>,
): Promise<PortalWorld> {
  const cast = await castOf(t, ['SXD', 'SGT'], {
    SXD: 'Sở Xây dựng',
    SGT: 'Sở Giao thông vận tải',
  });
  const frameworkId = await importFramework(t, cast.admin, SXD_CSV);
  const y2022 = await runUntouched(t, cast, frameworkId, 'Chỉ số CCHC năm 2022', {
    SXD: SXD_SELF,
    SGT: { '1.1': { points: '44' }, '6.1': { points: '46' }, '6.2': { passed: true } },
  });
  await ok(t, 'PUT', '/api/units/SQH', {
    as: cast.admin,
    body: { name: 'Sở Quy hoạch - Kiến trúc', type: 'so' },
  });
  await ok(t, 'POST', '/api/units/SQH/lineage', {
    as: cast.admin,
    body: { from: ['SXD'], kind: 'rename', effectiveOn: '2023-06-01' },
  });
  await t.createAccount('cb.SQH', 'unitOfficer', 'SQH');
  await t.createAccount('tt.SQH', 'unitHead', 'SQH');
  cast.officers.SQH = await t.login('cb.SQH');
  cast.heads.SQH = await t.login('tt.SQH');
  const y2023 = await runUntouched(
    t,
    cast,
    frameworkId,
    'Chỉ số CCHC năm 2023',
    {
      SQH: { '1.1': { points: '47' }, '6.1': { points: '45' }, '6.2': { passed: true } },
      SGT: { '1.1': { points: '49' }, '6.1': { points: '47' }, '6.2': { passed: true } },
    },
    2023,
    {
      publish: { publicFrom: OPENS_2023 },
      ...(beforePublish ? { beforePublish: (id: string) => beforePublish(id, cast) } : {}),
    },
  );
  return { cast, frameworkId, y2022, y2023 };
}
