import { Alert, Text } from '@mantine/core';
import { date, dateTime } from '../../lib/format';
import type { PublicPeriodSummary } from './api';

/** "Quyết định số 05/QĐ-UBND ngày 12/01/2027 · công khai từ 12/01/2027 09:00". */
export function decisionLine(period: PublicPeriodSummary): string {
  const decision = period.decisionNumber
    ? `Quyết định số ${period.decisionNumber}${period.decisionDate ? ` ngày ${date(period.decisionDate)}` : ''}`
    : `Công bố ngày ${date(period.publishedAt)}`;
  return `${decision} · công khai từ ${dateTime(period.publicFrom)}`;
}

/** The erratum in force, said where the figures are: which publication, and why. */
export function ErratumNote({ period }: { period: PublicPeriodSummary }) {
  if (period.version <= 1 && !period.erratumReason) return null;
  return (
    <Alert color="yellow" title={`Kết quả đã được đính chính (bản công bố lần ${period.version})`}>
      <Text size="sm">
        {period.erratumReason
          ? `Lý do đính chính: ${period.erratumReason}`
          : 'Số liệu dưới đây là bản đính chính đang có hiệu lực.'}
      </Text>
    </Alert>
  );
}
