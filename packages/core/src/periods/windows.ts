import { formatVietnamTime } from '../time/vietnam-time.js';

/** The windows of a period, in the order they usually open. */
export const WINDOW_KINDS = [
  'selfAssessment',
  'appraisal',
  'explanation',
  'council',
  'publication',
] as const;

export type WindowKind = (typeof WINDOW_KINDS)[number];

export const WINDOW_LABELS: Record<WindowKind, string> = {
  selfAssessment: 'Tự đánh giá, tải tài liệu kiểm chứng',
  appraisal: 'Thẩm định',
  explanation: 'Giải trình',
  council: 'Hội đồng xem xét, thông qua',
  publication: 'Công bố',
};

/** A window as stored: instants in epoch milliseconds. */
export interface TimeWindow {
  kind: WindowKind;
  opensAt: number;
  closesAt: number;
}

export type WindowCheck = { open: true } | { open: false; reason: string };

/**
 * Whether a window is open at `now` on the server's clock. `extendedTo` is a later close the
 * administrator granted one unit. Opening is inclusive, closing exclusive: a window that closes
 * "24:00 on 10/01" refuses a save at 00:00 on 11/01.
 */
export function checkWindow(
  window: TimeWindow | undefined,
  now: number,
  kind: WindowKind,
  extendedTo?: number,
): WindowCheck {
  const label = WINDOW_LABELS[kind];
  if (window === undefined) {
    return { open: false, reason: `Thời gian "${label}" chưa được thiết lập cho kỳ đánh giá này` };
  }
  const closesAt = Math.max(window.closesAt, extendedTo ?? 0);
  if (now < window.opensAt) {
    return {
      open: false,
      reason: `Thời gian "${label}" chưa bắt đầu: mở từ ${formatVietnamTime(window.opensAt)}`,
    };
  }
  if (now >= closesAt) {
    return {
      open: false,
      reason: `Thời gian "${label}" đã kết thúc lúc ${formatVietnamTime(closesAt, true)}`,
    };
  }
  return { open: true };
}
