import type { WindowKind } from '@chiso/core';

// The windows' request schemas live in the contract (@chiso/contract periods); this is what
// they parse to, in milliseconds.
export type WindowsInput = Partial<Record<WindowKind, { opensAt: number; closesAt: number }>>;
