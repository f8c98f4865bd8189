import { Readable } from 'node:stream';
import { Decimal } from '@chiso/core';
import type { CurrentActor } from '../context.js';
import { findEntry, listEntries } from '../repositories/entries.js';
import { appraiseEntry } from '../use-cases/assessment/appraise-entry.js';
import { linkEvidence, uploadEvidence } from '../use-cases/assessment/evidence.js';
import { finaliseAppraisal } from '../use-cases/assessment/finalise-appraisal.js';
import { respondExplanation } from '../use-cases/assessment/respond-explanation.js';
import { saveSelfEntry } from '../use-cases/assessment/save-self-entry.js';
import { loadUnitScope } from '../use-cases/assessment/scope.js';
import { submitAssessment } from '../use-cases/assessment/submit-assessment.js';
import { assignAppraisers } from '../use-cases/periods/assign-appraisers.js';
import { createPeriod } from '../use-cases/periods/create-period.js';
import { extendWindow } from '../use-cases/periods/extend-window.js';
import { approveResults } from '../use-cases/results/approve-results.js';
import { publishResults } from '../use-cases/results/publish-results.js';
import { vietnamDate } from '@chiso/core';
import { ctx, DAY, head, officer, pdf, strength, type Demo } from './demo.js';
import { factsFor, fedFromData, prng } from './fill.js';

export interface PeriodPlan {
  name: string;
  year: number;
  frameworks: Record<string, string>;
  units: string[];
  windows: Record<
    'selfAssessment' | 'appraisal' | 'explanation' | 'council' | 'publication',
    { opensAt: Date; closesAt: Date }
  >;
  appraisers: Record<string, string>;
  /** The secretariat running the period: the province's by default, else a district's. */
  secretariat?: { admin: string; council: string; decisionNumber: string };
  /** Called once the period exists, before the units fill in (the statistics import). */
  prepare?: (periodId: string, admin: CurrentActor) => Promise<void>;
}

/** Fills, submits, appraises, explains, approves and publishes a period (or stops mid-way). */
export async function runPeriod(demo: Demo, plan: PeriodPlan, stopAt?: Date): Promise<string> {
  const w = plan.windows;
  const admin =
    plan.secretariat === undefined
      ? demo.admin
      : (demo.actors.get(plan.secretariat.admin) as CurrentActor);
  demo.report(
    `${plan.name}: ${plan.units.length} đơn vị tự chấm${stopAt === undefined ? ', được thẩm định, Hội đồng thông qua và công bố' : ', đang trong thời gian thẩm định'}…`,
  );
  const windows = Object.fromEntries(
    Object.entries(w).map(([kind, span]) => [
      kind,
      { opensAt: span.opensAt.getTime(), closesAt: span.closesAt.getTime() },
    ]),
  );
  const period = await createPeriod(
    ctx(demo, admin, new Date(w.selfAssessment.opensAt.getTime() - 5 * DAY)),
    {
      name: plan.name,
      year: plan.year,
      frameworks: plan.frameworks,
      windows,
      unitIds: plan.units,
    },
  );
  const setup = ctx(demo, admin, new Date(w.selfAssessment.opensAt.getTime() - 4 * DAY));
  for (const unitId of plan.units) {
    const appraiser = demo.actors.get(plan.appraisers[unitId] ?? '') as CurrentActor;
    await assignAppraisers(setup, {
      periodId: period.id,
      unitId,
      appraiserIds: [appraiser.userId],
    });
  }
  await plan.prepare?.(period.id, admin);
  const live = (time: Date) => stopAt === undefined || time < stopAt;
  const fillAt = new Date(w.selfAssessment.opensAt.getTime() + 2 * DAY);
  const submitAt = new Date(w.selfAssessment.closesAt.getTime() - 2 * DAY);
  const appraiseAt = new Date(w.appraisal.opensAt.getTime() + DAY);
  const explainAt = new Date(w.explanation.opensAt.getTime() + DAY);

  // A line at each quarter of the units: the longest part of the demo, so it must show life.
  const quarter = Math.max(1, Math.ceil(plan.units.length / 4));
  for (const [index, unitId] of plan.units.entries()) {
    if (index > 0 && index % quarter === 0)
      demo.report(`  ${plan.name}: ${index}/${plan.units.length} đơn vị`);
    const scope = await loadUnitScope(demo.deps.db, period.id, unitId);
    const random = prng(plan.year * 1000 + index + 1);
    const unitStrength = strength(unitId, plan.year);
    const fill = ctx(demo, officer(demo, unitId), fillAt);
    const upload = await uploadEvidence(
      fill,
      { periodId: period.id, unitId },
      {
        stream: Readable.from(pdf(`Báo cáo CCHC năm ${plan.year} - ${scope.unit.name}`)),
        fileName: `Báo cáo CCHC năm ${plan.year}.pdf`,
      },
    );
    for (const [i, leaf] of scope.stored.framework.leaves.entries()) {
      if (!leaf.rule || fedFromData(leaf.rule)) continue;
      const facts = factsFor(leaf.rule, leaf.maxPoints, unitStrength, random);
      const withEvidence = i % 3 === 0;
      await saveSelfEntry(
        fill,
        { periodId: period.id, unitId, code: leaf.code },
        {
          ...(leaf.rule.kind === 'manual'
            ? { points: Decimal.of(String(facts.points)) }
            : { facts }),
          explanation: withEvidence
            ? null
            : 'Số liệu theo báo cáo của đơn vị, kèm hồ sơ lưu tại đơn vị',
          version: 0,
        },
      );
      if (withEvidence) {
        await linkEvidence(
          fill,
          { periodId: period.id, unitId, code: leaf.code },
          { evidenceId: upload.evidence.id, pageRef: `trang ${i + 2}` },
        );
      }
    }
    // In a period caught mid-cycle, the last unit is late and has been given more time.
    const lateUnit = stopAt !== undefined && index === plan.units.length - 1;
    if (lateUnit) {
      await extendWindow(ctx(demo, admin, submitAt), {
        periodId: period.id,
        unitId,
        kind: 'selfAssessment',
        closesAt: (stopAt ?? submitAt).getTime() + 2 * DAY,
        reason: 'Đơn vị đề nghị gia hạn do thay đổi cán bộ đầu mối',
      });
      continue;
    }
    if (!live(submitAt)) continue;
    await submitAssessment(ctx(demo, head(demo, unitId), submitAt), {
      periodId: period.id,
      unitId,
    });
    if (!live(appraiseAt)) continue;
    const appraiser = demo.actors.get(plan.appraisers[unitId] ?? '') as CurrentActor;
    const appraise = ctx(demo, appraiser, appraiseAt);
    const entries = await listEntries(demo.deps.db, period.id, unitId);
    const reduced = entries
      .filter((e) => e.selfPoints !== null && Decimal.of(e.selfPoints).gt(Decimal.ZERO))
      .filter((_e, i) => i % 5 === 2);
    for (const entry of reduced) {
      const self = Decimal.of(entry.selfPoints ?? '0');
      const points = self.minus(Decimal.of('0.25')).max(Decimal.ZERO);
      await appraiseEntry(
        appraise,
        { periodId: period.id, unitId, code: entry.code },
        {
          points,
          comment: 'Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả; trừ 0,25 điểm',
          version: entry.version,
        },
      );
    }
    if (stopAt !== undefined && index === 1) {
      const open = entries.find((e) => !reduced.includes(e));
      if (open) {
        await appraiseEntry(
          appraise,
          { periodId: period.id, unitId, code: open.code },
          {
            supplementDeadline: stopAt.getTime() + 2 * DAY,
            supplementNote: 'Đề nghị bổ sung văn bản ban hành kèm theo',
            version: open.version,
          },
        );
      }
      continue;
    }
    if (stopAt !== undefined && index > 2) continue;
    await finaliseAppraisal(appraise, { periodId: period.id, unitId });
    if (!live(explainAt)) continue;
    const disputed = reduced[0];
    if (disputed) {
      const current = await findEntry(demo.deps.db, period.id, unitId, disputed.code);
      const answered = await respondExplanation(
        ctx(demo, officer(demo, unitId), explainAt),
        { periodId: period.id, unitId, code: disputed.code },
        {
          response: 'Đơn vị bổ sung quyết định và báo cáo kết quả thực hiện (đính kèm)',
          version: current?.version ?? 0,
        },
      );
      await appraiseEntry(
        ctx(demo, appraiser, new Date(explainAt.getTime() + DAY)),
        { periodId: period.id, unitId, code: disputed.code },
        { outcome: 'accepted', comment: 'Chấp nhận giải trình', version: answered.version },
      );
    }
    await finaliseAppraisal(ctx(demo, appraiser, new Date(explainAt.getTime() + DAY)), {
      periodId: period.id,
      unitId,
    });
  }
  demo.report(`  ${plan.name}: ${plan.units.length}/${plan.units.length} đơn vị`);
  if (stopAt !== undefined) return period.id;
  const council = demo.actors.get(plan.secretariat?.council ?? 'hoidong1') as CurrentActor;
  await approveResults(ctx(demo, council, new Date(w.council.opensAt.getTime() + DAY)), period.id, {
    decisionNumber: plan.secretariat?.decisionNumber ?? `${(plan.year % 100) + 10}/QĐ-HĐĐG`,
    decisionDate: vietnamDate(w.council.opensAt.getTime() + DAY),
  });
  await publishResults(
    ctx(demo, admin, new Date(w.publication.opensAt.getTime() + DAY)),
    period.id,
  );
  return period.id;
}
