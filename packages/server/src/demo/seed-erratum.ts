import { Decimal, parseVietnamTime } from '@chiso/core';
import { findEntry } from '../repositories/entries.js';
import { correctEntry } from '../use-cases/results/correct-entry.js';
import { getResults } from '../use-cases/results/get-results.js';
import { issueErratum } from '../use-cases/results/issue-erratum.js';
import { previewErratum } from '../use-cases/results/preview-erratum.js';
import { ctx, type Demo } from './demo.js';

const at = (text: string) => new Date(parseVietnamTime(text) ?? 0);

/**
 * Two months after the 2024 index was published, the secretariat finds that a department's
 * evidence for one leaf was lost between upload and appraisal: the leaf is corrected and the
 * province issues an erratum, so the demo shows a superseded publication beside the one in force.
 */
export async function seedErratum(demo: Demo, periodId: string, unitId: string): Promise<void> {
  const when = at('10/04/2025 09:00');
  const results = await getResults(ctx(demo, demo.admin, when), periodId);
  const unit = results.groups.flatMap((g) => g.results.units).find((u) => u.id === unitId);
  const lost = unit?.lostPoints.find((l) => (l.lost ?? 0) > 0);
  if (!unit || !lost || lost.maxPoints === null) return;
  const entry = await findEntry(demo.deps.db, periodId, unitId, lost.code);
  await correctEntry(
    ctx(demo, demo.admin, when),
    { periodId, unitId, code: lost.code },
    {
      points: Decimal.of(lost.maxPoints),
      reason:
        'Tài liệu kiểm chứng đã nộp đúng hạn nhưng bị thất lạc khi thẩm định (Công văn số 125/SNV-CCHC ngày 08/4/2025)',
      version: entry?.version ?? 0,
    },
  );
  const issuing = ctx(demo, demo.admin, at('15/04/2025 10:00'));
  const preview = await previewErratum(issuing, periodId);
  await issueErratum(issuing, periodId, {
    decisionNumber: '58/QĐ-UBND',
    decisionDate: '2025-04-15',
    reason: `Đính chính điểm tiêu chí ${lost.code} của ${unit.name}`,
    changesFingerprint: preview.fingerprint,
  });
}
