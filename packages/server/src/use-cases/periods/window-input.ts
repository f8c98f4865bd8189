import { parseVietnamTime, WINDOW_KINDS, type WindowKind } from '@chiso/core';
import { z } from 'zod';

/** A time as people write it in Vietnam ("10/01/2023 24:00", "2023-01-10 24:00") or ISO. */
export const vietnamTime = z.string().transform((text, ctx) => {
  const ms = parseVietnamTime(text);
  if (ms === undefined) {
    ctx.issues.push({
      code: 'custom',
      message: `"${text}" không phải là thời điểm hợp lệ (dd/mm/yyyy hh:mm)`,
      input: text,
    });
    return z.NEVER;
  }
  return ms;
});

export const windowInput = z
  .object({ opensAt: vietnamTime, closesAt: vietnamTime })
  .refine((w) => w.opensAt < w.closesAt, {
    message: 'thời điểm kết thúc phải sau thời điểm bắt đầu',
    path: ['closesAt'],
  });

export const windowsInput = z.partialRecord(z.enum(WINDOW_KINDS), windowInput);

export type WindowsInput = Partial<Record<WindowKind, { opensAt: number; closesAt: number }>>;
