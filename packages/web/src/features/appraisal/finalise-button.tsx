import { Button } from '@mantine/core';
import { useState } from 'react';
import type { Assessment } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';

/**
 * Closing a round cannot be undone, so it asks first and says what will happen: how many
 * leaves nobody decided are accepted as the unit assessed them.
 */
export function FinaliseButton({
  assessment,
  busy,
  onConfirm,
}: {
  assessment: Assessment;
  busy: boolean;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  const firstRound = assessment.participation.status === 'submitted';
  // As the server counts: saved leaves nobody decided (a leaf never saved has nothing to accept).
  const undecided = assessment.entries.filter((e) => e.version > 0 && !e.appraisal?.kind);
  const unfilled = assessment.entries.filter(
    (e) => e.version === 0 && !e.surveyFed && e.lowerUnitsFeed === undefined,
  ).length;
  const supplements = assessment.entries.filter((e) => e.appraisal?.supplementDeadline).length;
  const label = firstRound ? 'Chốt vòng thẩm định' : 'Chốt kết quả sau giải trình';
  const effects = firstRound
    ? [
        undecided.length === 0
          ? 'Mọi tiêu chí đã có kết quả thẩm định.'
          : `${undecided.length} tiêu chí chưa thẩm định sẽ được chấp nhận theo kết quả tự đánh giá của đơn vị.`,
        ...(unfilled > 0 ? [`${unfilled} tiêu chí đơn vị không tự chấm vẫn không có điểm.`] : []),
        ...(supplements > 0 ? [`${supplements} yêu cầu bổ sung đang mở sẽ được đóng.`] : []),
        'Đơn vị xem được kết quả thẩm định và giải trình trong thời hạn giải trình.',
      ]
    : [
        'Kết quả thẩm định của đơn vị trở thành kết quả cuối cùng.',
        'Đơn vị không giải trình thêm được nữa.',
      ];
  return (
    <>
      <Button onClick={() => setOpen(true)} loading={busy}>
        {label}
      </Button>
      <ConfirmDialog
        opened={open}
        onClose={() => setOpen(false)}
        title={`${label}: ${assessment.unit.name}`}
        effects={effects}
        irreversible="Không thể hoàn tác: sau khi chốt, Tổ thẩm định không sửa được kết quả của vòng này."
        confirmLabel={label}
        loading={busy}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
      />
    </>
  );
}
