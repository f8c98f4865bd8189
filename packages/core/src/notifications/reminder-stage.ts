const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which "N days before" reminder is due at `now` for something that ends at `closesAt`
 * (exclusive, as windows end): the stage N is due from `closesAt − N days` until the next,
 * nearer stage or the end. Vietnam keeps UTC+7 all year, so N days are N × 24 hours and a
 * window that closes "24:00 on 10/01" (00:00 on 11/01) has its 1-day reminder due from 00:00
 * on 10/01 and its 3-day reminder from 00:00 on 08/01, Vietnam time. Before the farthest stage
 * and from the end on, nothing is due. A stage missed (the server was down for it) is not sent
 * late once a nearer stage is due: the nearer one says more.
 */
export function dueReminderStage(
  closesAt: number,
  now: number,
  daysBefore: readonly number[],
): number | undefined {
  if (now >= closesAt) return undefined;
  let due: number | undefined;
  for (const days of daysBefore) {
    if (now >= closesAt - days * DAY_MS && (due === undefined || days < due)) due = days;
  }
  return due;
}
