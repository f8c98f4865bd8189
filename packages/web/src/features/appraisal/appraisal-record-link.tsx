import { Button } from '@mantine/core';
import type { Assessment } from '../../api/types';

/**
 * The appraisal record (.docx) of the unit: offered once there is an appraisal to record and
 * the reader may see it (the server leaves `appraised` out for the unit until the first round
 * is sent, decision 0006); a draft while the first round is still open.
 */
export function AppraisalRecordLink({ assessment: a }: { assessment: Assessment }) {
  if (a.appraised === null || a.participation.status === 'draft') return null;
  return (
    <Button
      component="a"
      size="xs"
      variant="default"
      href={`/api/periods/${a.period.id}/units/${a.unit.id}/appraisal-record.docx`}
    >
      {a.participation.status === 'submitted'
        ? 'Tải dự thảo biên bản thẩm định (.docx)'
        : 'Tải biên bản thẩm định (.docx)'}
    </Button>
  );
}
