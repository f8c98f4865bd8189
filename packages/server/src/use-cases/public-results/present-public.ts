import { formatDate, vietnamDate } from '@chiso/core';
import type { PublicBlockResponse } from '@chiso/contract';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import type { BlockModel, PeriodModel } from './period-model.js';

/** Where everything public lives; a period's and a unit's URLs hold ids only (stable). */
export const PUBLIC_BASE = '/api/public/results';

export const LICENCE_NAME = 'Giấy phép Ghi công Creative Commons 4.0 Quốc tế (CC BY 4.0)';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/deed.vi';

/** How the publication in force is cited: "Quyết định số 15/QĐ-HĐ ngày 22/01/2023". */
function decisionOf(state: PublishedVersionRow): string | null {
  if (!state.decisionNumber && !state.decisionDate) return null;
  return [
    state.decisionNumber ? `Quyết định số ${state.decisionNumber}` : 'Quyết định',
    state.decisionDate ? `ngày ${formatDate(state.decisionDate)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The open licence with its attribution sentence (decision 0022): who publishes (the
 * configured issuer), which period, which decision and since when it is public, e.g.
 * "Nguồn: UBND tỉnh Hòa An, Chỉ số CCHC năm 2025 (Quyết định số 35/QĐ-HĐĐG ngày 05/02/2026),
 * công bố ngày 10/02/2026".
 */
export function licenceOf(issuer: string | undefined, state?: PublishedVersionRow) {
  const source = issuer ? `Nguồn: ${issuer}` : 'Nguồn';
  if (!state) {
    return {
      name: LICENCE_NAME,
      url: LICENCE_URL,
      attribution: `${source}, kết quả Chỉ số CCHC đã công bố (ghi rõ kỳ đánh giá, quyết định và ngày công bố của số liệu được dùng)`,
    };
  }
  const decision = decisionOf(state);
  const opened = state.publicFrom ?? state.publishedAt;
  return {
    name: LICENCE_NAME,
    url: LICENCE_URL,
    attribution: `${source}, ${state.name}${decision ? ` (${decision})` : ''}, công bố ngày ${formatDate(vietnamDate(opened.getTime()))}`,
  };
}

export function downloadsOf(periodId: string) {
  const base = `${PUBLIC_BASE}/${periodId}`;
  return {
    csv: `${base}/data.csv`,
    json: `${base}/data.json`,
    xlsx: `${base}/data.xlsx`,
    dictionary: `${base}/data-dictionary.csv`,
  };
}

export function presentBlockSummary(block: BlockModel) {
  return {
    group: block.group,
    label: block.label,
    unitType: block.unitType,
    units: block.units.length,
  };
}

/** A period as the public sees it: the publication in force, its decision, its blocks. */
export function presentPeriodSummary(model: PeriodModel) {
  const { state } = model;
  return {
    id: state.id,
    name: state.name,
    year: state.year,
    version: state.version,
    decisionNumber: state.decisionNumber,
    decisionDate: state.decisionDate,
    // Serialised once into cached bytes: the instants go as ISO text.
    publishedAt: state.publishedAt.toISOString(),
    publicFrom: (state.publicFrom ?? state.publishedAt).toISOString(),
    erratumReason: state.version > 1 ? state.reason : null,
    blocks: model.blocks.map(presentBlockSummary),
  };
}

/** A block's sizes, mean and counts per band (every band of the policy) and head rating. */
export function presentBlock(block: BlockModel): PublicBlockResponse {
  const bands = [...block.framework.policy.bands].sort(
    (a, b) => Number(b.minPercent) - Number(a.minPercent),
  );
  const bandCount = new Map<string, number>();
  const ratingCount = new Map<string, number>();
  let withoutBand = 0;
  for (const unit of block.units) {
    if (unit.band === null) withoutBand += 1;
    else bandCount.set(unit.band, (bandCount.get(unit.band) ?? 0) + 1);
    if (unit.headRating !== null)
      ratingCount.set(unit.headRating, (ratingCount.get(unit.headRating) ?? 0) + 1);
  }
  const ratings = block.framework.policy.headRating.map((r) => r.label);
  for (const rating of ratingCount.keys()) if (!ratings.includes(rating)) ratings.push(rating);
  return {
    ...presentBlockSummary(block),
    meanPercent: block.meanPercent,
    distribution: bands.map((band) => ({
      band: band.label,
      minPercent: Number(band.minPercent),
      count: bandCount.get(band.label) ?? 0,
    })),
    withoutBand,
    headRatings: ratings.map((rating) => ({ rating, count: ratingCount.get(rating) ?? 0 })),
  };
}
