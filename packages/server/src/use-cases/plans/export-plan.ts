import { formatDocumentDate, vietnamDate, type Plan } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { listOffices } from '../../repositories/offices.js';
import { listPlanRows } from '../../repositories/plans.js';
import { requireUnit } from '../offices/unit-of.js';
import { requirePlan } from './get-plan.js';
import { corePlan } from './plan-view.js';
import { publishedUnitSource } from './published-source.js';
import { authorizeIn } from '../reach.js';

export type PlanFormat = 'xlsx' | 'docx';

/** "Huyện Đắk Glong" of "UBND huyện Đắk Glong": where the document is signed. */
const placeOf = (name: string) => name.replace(/^(UBND|Ủy ban nhân dân)\s+/i, '');

/**
 * The plan as seed 004's table (.xlsx, which the import reads back) or as the Nghị định
 * 30/2020 document with the appendix (.docx), through the same writers as `chiso plan`.
 */
export async function exportPlan(
  ctx: UseCaseContext,
  key: { unitId: string; periodId: string },
  format: PlanFormat,
): Promise<{ bytes: Buffer; fileName: string; mediaType: string }> {
  await authorizeIn(ctx, 'readImprovement', { unitId: key.unitId }, { unitId: key.unitId });
  const { db } = ctx.deps;
  const unit = await requireUnit(db, key.unitId);
  const record = await requirePlan(db, key.unitId, key.periodId);
  const source = await publishedUnitSource(db, key.periodId, unit);
  const [rows, offices] = await Promise.all([
    listPlanRows(db, record.id),
    listOffices(db, unit.id),
  ]);
  const plan: Plan = await corePlan(
    db,
    source,
    unit,
    rows,
    new Map(offices.map((o) => [o.id, o.name])),
  );
  const meta = { resultYear: source.period.year, planYear: record.planYear };
  const fileName = `ke-hoach-cai-thien-${unit.id}-${record.planYear}.${format}`;
  if (format === 'xlsx') {
    const { buildPlanWorkbook } = await import('../../spreadsheet/write-plan.js');
    const bytes = Buffer.from(await (await buildPlanWorkbook(plan, meta)).xlsx.writeBuffer());
    return {
      bytes,
      fileName,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }
  const [{ planDocument, defaultSignature }, { documentBytes }] = await Promise.all([
    import('../../documents/plan-document.js'),
    import('../../documents/official-document.js'),
  ]);
  const document = planDocument(plan, {
    ...meta,
    place: placeOf(unit.name),
    dateText: formatDocumentDate(vietnamDate(ctx.now.getTime())),
    signature: defaultSignature(unit.name),
  });
  return {
    bytes: Buffer.from(await documentBytes(document)),
    fileName,
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}
