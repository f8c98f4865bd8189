import {
  DomainError,
  ERROR_CODES,
  parseInput,
  reportOptionsSchema,
  type Issue,
  type ReportOptionsInput,
} from '@chiso/core';
import type { ReportResponse } from '@chiso/contract';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { frameworksOfPeriod, loadFramework } from '../../repositories/frameworks.js';
import { listUnits } from '../../repositories/units.js';
import { lockPeriodReport, writePeriodReport } from '../../repositories/reports.js';
import { getReport } from './get-report.js';
import { DERIVED_KEYS, requirePeriod } from './report-view.js';
import { authorizeIn } from '../reach.js';

const DERIVED_WHY: Record<(typeof DERIVED_KEYS)[number], string> = {
  year: 'năm đánh giá là năm của kỳ, không nhập tay',
  draft: 'chữ "DỰ THẢO" do chiso ghi khi kết quả mới được thông qua, chưa công bố',
  survey: 'số phiếu khảo sát lấy từ các phiếu kỳ đã nhận, không nhập tay',
  windows: 'thời gian tự đánh giá, thẩm định lấy từ lịch của kỳ, không nhập tay',
};

/**
 * Saves what the secretariat enters for the period's report: checked by the core's schema
 * (Vietnamese issues with their paths under "options"), blocks and areas against the period,
 * on the version read (CONFLICT when someone saved since), audited before and after, in one
 * transaction. The numbers are never stored: what the period holds is refused here.
 */
export async function saveReport(
  ctx: UseCaseContext,
  periodId: string,
  input: { version: number; options: Record<string, unknown> },
): Promise<ReportResponse> {
  const actor = await authorizeIn(ctx, 'editResultsReport', { periodId });
  const { db } = ctx.deps;
  await requirePeriod(db, periodId);
  const issues: Issue[] = DERIVED_KEYS.filter((key) => input.options[key] !== undefined).map(
    (key) => ({ path: `options.${key}`, message: DERIVED_WHY[key] }),
  );
  if (issues.length === 0) {
    parseInput(reportOptionsSchema, input.options, 'Nội dung báo cáo', 'options');
    issues.push(...(await periodIssues(ctx, periodId, input.options)));
  }
  if (issues.length > 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Nội dung báo cáo không hợp lệ', issues);
  }
  await db.transaction(async (tx) => {
    const current = await lockPeriodReport(tx, periodId);
    const version = current?.version ?? 0;
    if (version !== input.version) {
      throw new DomainError(
        ERROR_CODES.CONFLICT,
        'Nội dung báo cáo vừa được người khác lưu; hãy tải lại trang để xem bản mới nhất rồi sửa tiếp',
      );
    }
    await writePeriodReport(tx, {
      periodId,
      options: input.options,
      updatedAt: ctx.now,
      updatedBy: actor.userId,
      version: version + 1,
    });
    await recordAudit(tx, ctx, {
      action: 'report.options.save',
      entityType: 'periodReport',
      entityId: periodId,
      periodId,
      before: current?.options ?? null,
      after: input.options,
    });
  });
  return getReport(ctx, periodId);
}

/** Blocks must be the period's peer groups, review codes its frameworks' areas. */
async function periodIssues(
  ctx: UseCaseContext,
  periodId: string,
  options: ReportOptionsInput,
): Promise<Issue[]> {
  const { db } = ctx.deps;
  const links = await frameworksOfPeriod(db, periodId);
  const types = new Set(links.map((l) => l.unitType));
  const groups = new Set(
    (await listUnits(db)).filter((u) => types.has(u.type)).map((u) => u.peerGroup),
  );
  const areas = new Set<string>();
  for (const link of links) {
    const stored = await loadFramework(db, link.frameworkId);
    for (const area of stored?.framework.areas ?? []) areas.add(area.code);
  }
  const issues: Issue[] = [];
  (options.blocks ?? []).forEach((block, i) => {
    if (!groups.has(block.group.trim())) {
      issues.push({
        path: `options.blocks[${i}].group`,
        message: `kỳ đánh giá không có khối (nhóm xếp hạng) "${block.group}"`,
      });
    }
  });
  (options.review?.areaCodes ?? []).forEach((code, i) => {
    if (!areas.has(code.trim())) {
      issues.push({
        path: `options.review.areaCodes[${i}]`,
        message: `bộ chỉ số của kỳ không có lĩnh vực mã "${code}"`,
      });
    }
  });
  return issues;
}
