/** Where a unit stands in a period. */
export const PARTICIPATION_STATUSES = ['draft', 'submitted', 'appraised', 'finalised'] as const;

export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export const PARTICIPATION_LABELS: Record<ParticipationStatus, string> = {
  draft: 'Đang tự đánh giá',
  submitted: 'Đã gửi, chờ thẩm định',
  appraised: 'Đã thẩm định, giải trình',
  finalised: 'Đã chốt kết quả thẩm định',
};

/**
 * What an appraisal decides for a leaf: a whole outcome, never a bare number (decision 0014).
 * "accepted" keeps the unit's own outcome, "facts" corrects its figures, "points" sets points
 * outright, "missing" gives none.
 */
export const APPRAISAL_KINDS = ['accepted', 'facts', 'points', 'missing'] as const;

export type AppraisalKind = (typeof APPRAISAL_KINDS)[number];

export const APPRAISAL_KIND_LABELS: Record<AppraisalKind, string> = {
  accepted: 'Chấp nhận kết quả tự đánh giá',
  facts: 'Sửa số liệu',
  points: 'Chấm điểm trực tiếp',
  missing: 'Không tính điểm',
};

export const PERIOD_STATUSES = ['open', 'approved', 'published'] as const;

export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_LABELS: Record<PeriodStatus, string> = {
  open: 'Đang đánh giá',
  approved: 'Hội đồng đã thông qua',
  published: 'Đã công bố',
};

/** A leaf entry as the submission check sees it. */
export interface SubmissionEntry {
  code: string;
  /** Points the unit gives itself (undefined when not scored). */
  hasPositivePoints: boolean;
  evidenceCount: number;
  hasExplanation: boolean;
}

export interface SubmissionProblem {
  code: string;
  message: string;
}

/**
 * What blocks a submission: a leaf with points but neither evidence nor an explanation
 * (MoHA guidance: a score without evidence must say how it was reached).
 */
export function submissionProblems(entries: readonly SubmissionEntry[]): SubmissionProblem[] {
  return entries
    .filter((e) => e.hasPositivePoints && e.evidenceCount === 0 && !e.hasExplanation)
    .map((e) => ({
      code: e.code,
      message: `tiêu chí ${e.code} có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình`,
    }));
}
