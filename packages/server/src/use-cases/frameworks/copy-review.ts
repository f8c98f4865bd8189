import type { DateShift, ReviewCheck } from '@chiso/core';
import type { FrameworkRow } from '../../repositories/frameworks.js';

/** What copying a framework moved and left to check, stored with the copy (decision 0013). */
export interface CopyReview {
  fromId: string;
  fromName: string;
  fromYear: number;
  toYear: number;
  /** The copy's name when the source year in the name was replaced. */
  name: { from: string; to: string } | null;
  dates: DateShift[];
  checks: ReviewCheck[];
}

export type ReviewStatus = 'reviewed' | 'needsReview';

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  reviewed: 'Đã rà soát',
  needsReview: 'Chưa rà soát',
};

export function reviewOf(row: FrameworkRow) {
  const status: ReviewStatus = row.reviewStatus === 'needsReview' ? 'needsReview' : 'reviewed';
  return {
    status,
    statusLabel: REVIEW_STATUS_LABELS[status],
    copy: (row.copyReview ?? null) as CopyReview | null,
    reviewedAt: row.reviewedAt,
  };
}

/** The review's codes after a renumbering, so that each item still names its node. */
export function renameReviewCodes(review: CopyReview, renamed: ReadonlyMap<string, string>) {
  const code = (c: string) => renamed.get(c) ?? c;
  return {
    ...review,
    dates: review.dates.map((d) => ({ ...d, code: code(d.code) })),
    checks: review.checks.map((c) => ({ ...c, code: code(c.code) })),
  };
}
