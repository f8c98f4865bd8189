import { DomainError, ERROR_CODES } from '@chiso/core';
import type { ResultsSnapshot } from './snapshot.js';

export interface RankingAsk {
  block?: string | undefined;
  offset: number;
  limit: number;
}

/** The heading every page of a view repeats: the period and which publication it is. */
export function viewHead(snapshot: ResultsSnapshot) {
  const { period, published, publication, publications } = snapshot.view;
  return { period, published, publication, publications };
}

/**
 * One page of a block's ranking (the first block when none is asked), in the order the results
 * keep: each unit's totals, rank, band, rating, flags and areas, no node below — that is the
 * unit's own page. A 4,000-unit block with every node was a hundred times larger.
 */
export function getResultsRanking(snapshot: ResultsSnapshot, ask: RankingAsk) {
  const block =
    ask.block === undefined
      ? snapshot.blocks[0]
      : snapshot.blocks.find((b) => b.summary.unitType === ask.block);
  if (ask.block !== undefined && !block) {
    throw new DomainError(
      ERROR_CODES.NOT_FOUND,
      `Không có khối "${ask.block}" trong kết quả của ${snapshot.view.period.name}`,
    );
  }
  return {
    ...viewHead(snapshot),
    blocks: snapshot.blocks.map((b) => b.summary),
    block: block?.summary.unitType ?? null,
    offset: ask.offset,
    limit: ask.limit,
    total: block?.ranking.length ?? 0,
    units: block?.ranking.slice(ask.offset, ask.offset + ask.limit) ?? [],
  };
}
