import { formatVietnamTime } from '../time/vietnam-time.js';
import { WINDOW_KINDS, WINDOW_LABELS, type WindowKind } from './windows.js';

/**
 * Whether a unit exists at some time in a year: its dates ("yyyy-mm-dd", either end open) meet
 * the year. A commune merged on 1 July takes part in that year's index, as its successor does.
 */
export function activeInYear(
  unit: { activeFrom?: string | null | undefined; activeTo?: string | null | undefined },
  year: number,
): boolean {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return (unit.activeFrom ?? start) <= end && (unit.activeTo ?? end) >= start;
}

/**
 * The windows that have already closed at `now`, each with a warning. Opening a period with a
 * window in the past is allowed (a period recorded after the fact, a past year loaded for
 * comparison), but whoever does it must know that nobody can act in that step without an
 * extension.
 */
export function pastWindowWarnings(
  windows: Partial<Record<WindowKind, { closesAt: number } | undefined>>,
  now: number,
): { kind: WindowKind; message: string }[] {
  return WINDOW_KINDS.flatMap((kind) => {
    const window = windows[kind];
    if (window === undefined || window.closesAt > now) return [];
    return [
      {
        kind,
        message: `Bước "${WINDOW_LABELS[kind]}" đã kết thúc lúc ${formatVietnamTime(window.closesAt, true)}: không ai làm được bước này nếu không được gia hạn`,
      },
    ];
  });
}
