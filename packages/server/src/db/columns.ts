import { customType, numeric, timestamp } from 'drizzle-orm/pg-core';

/** Points are exact: numeric with six fractional digits, read back as strings. */
export const points = (name: string) => numeric(name, { precision: 14, scale: 6 });
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => instant('created_at').notNull().defaultNow();

/** Raw bytes (an uploaded file held for a background job), read back as a Buffer. */
export const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
