import { Button } from '@mantine/core';
import type { Assessment } from '../../api/types';

/**
 * The unit's self-assessment report (.docx), its own side only: for the unit a draft to sign
 * before sending, once something is recorded; for everyone else once it is sent (the server
 * says the same, decision 0021).
 */
export function SelfAssessmentReportLink({
  assessment: a,
  ownUnit,
}: {
  assessment: Assessment;
  /** The reader belongs to the unit (a draft is theirs to print before sending). */
  ownUnit: boolean;
}) {
  const draft = a.participation.status === 'draft';
  const recorded = a.entries.some(
    (e) =>
      e.facts !== null ||
      e.selfPoints !== null ||
      (e.explanation ?? '').trim() !== '' ||
      e.evidence.length > 0,
  );
  if (!recorded || (draft && !ownUnit)) return null;
  return (
    <Button
      component="a"
      size="xs"
      variant="default"
      href={`/api/periods/${a.period.id}/units/${a.unit.id}/self-assessment-report.docx`}
    >
      {draft ? 'Tải dự thảo báo cáo tự đánh giá (.docx)' : 'Tải báo cáo tự đánh giá đã gửi (.docx)'}
    </Button>
  );
}
