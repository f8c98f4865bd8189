import {
  defaultBlockName,
  formatCount,
  formatDate,
  formatDocumentCount,
  type ReportOptionsInput,
  type ReportView,
} from '@chiso/core';
import type { ReportResponse } from '@chiso/contract';
import type { UseCaseContext } from '../../context.js';
import { loadReportData, reportUnavailable, type ReportData } from './report-sources.js';
import { periodReportView, requirePeriod, storedOptions } from './report-view.js';
import { authorizeIn } from '../reach.js';

/**
 * The report page's data: the stored options with their version, what chiso derives for the
 * form (the blocks with their default names, the areas, the windows and survey sample it
 * fills in) and the text as the Word document will word it. Before approval the form is
 * still given (the secretariat may write ahead), without a preview.
 */
export async function getReport(ctx: UseCaseContext, periodId: string): Promise<ReportResponse> {
  await authorizeIn(ctx, 'readResultsReport', { periodId });
  const { db } = ctx.deps;
  const period = await requirePeriod(db, periodId);
  const stored = await storedOptions(db, periodId);
  const reason = reportUnavailable(period) ?? null;
  const data: ReportData | undefined =
    reason === null ? await loadReportData(db, period) : undefined;
  const built = data && (await periodReportView(ctx, period, data, stored.options));
  const derived = built?.derived;

  const blocks = new Map<string, number>();
  for (const source of data?.sources ?? []) {
    for (const unit of source.results.units) {
      const key = unit.group ?? '';
      blocks.set(key, (blocks.get(key) ?? 0) + 1);
    }
  }
  const areas = new Map<string, string>();
  for (const source of data?.sources ?? []) {
    for (const area of source.framework.areas)
      if (!areas.has(area.code)) areas.set(area.code, area.title);
  }
  const sentences: string[] = [];
  const { selfAssessment, appraisal } = derived?.windows ?? {};
  if (selfAssessment) {
    sentences.push(
      `Thời gian tự đánh giá: từ ${formatDate(selfAssessment.from)} đến ${formatDate(selfAssessment.to)} (theo lịch của kỳ).`,
    );
  }
  if (appraisal) {
    sentences.push(
      `Thời gian thẩm định: từ ${formatDate(appraisal.from)} đến ${formatDate(appraisal.to)} (theo lịch của kỳ).`,
    );
  }
  const responses = (derived?.survey ?? []).flatMap((s) => s.respondents);
  if (responses.length > 0) {
    const total = responses.reduce((n, r) => n + Number(r.count), 0);
    sentences.push(
      `Phiếu khảo sát đã nhận: ${formatCount(total)} phiếu (${responses.map((r) => `${r.label}: ${formatDocumentCount(Number(r.count))}`).join('; ')}).`,
    );
  } else if (data) {
    sentences.push(
      'Kỳ chưa có phiếu khảo sát nào được nhận: báo cáo không có mục điều tra xã hội học.',
    );
  }
  return {
    period: { id: period.id, name: period.name, year: period.year, status: period.status },
    available: reason === null,
    reason,
    draft: data?.draft ?? false,
    publicationVersion: data?.publicationVersion ?? null,
    options: stored.options,
    version: stored.version,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
    // In the report's order: the blocks named, then the others as the results list them.
    blocks: [...blocks]
      .sort(([a], [b]) => blockOrder(stored.options, a) - blockOrder(stored.options, b))
      .map(([group, units]) => {
        const name = defaultBlockName(group);
        return { group, defaultName: name, defaultHeads: `người đứng đầu ${name}`, units };
      }),
    areas: [...areas].map(([code, title]) => ({ code, title })),
    derived: sentences,
    preview: built
      ? presentPreview(
          built.view,
          [...blocks.values()].reduce((a, b) => a + b, 0),
        )
      : null,
  };
}

function presentPreview(view: ReportView, units: number): NonNullable<ReportResponse['preview']> {
  return {
    heading: { ...view.heading, parentAuthority: view.heading.parentAuthority ?? null },
    sections: view.sections.map((section) => ({
      level: section.level,
      heading: section.heading,
      content: section.content.map((item) =>
        item.kind === 'table'
          ? {
              kind: 'table' as const,
              table: {
                columns: item.table.columns.map((c) => c.header),
                rows: item.table.rows.map((r) => r.cells),
              },
            }
          : item,
      ),
    })),
    recipients: view.closing.recipients,
    signature: {
      onBehalfOf: view.closing.signature.onBehalfOf ?? null,
      position: view.closing.signature.position,
      name: view.closing.signature.name ?? null,
    },
    appendix: {
      title: view.appendix.title,
      note: view.appendix.note,
      tables: units,
    },
  };
}

function blockOrder(options: ReportOptionsInput, group: string): number {
  const i = options.blocks?.findIndex((b) => b.group === group) ?? -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
