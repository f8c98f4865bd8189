import { DomainError, formatIssue } from '@chiso/core';

/** Exit statuses of the command line. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, internal: 70 } as const;

/** A mistake in how the command was called; its message is shown with the usage hint. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const MAX_ISSUES_SHOWN = 50;

/** One clear message for a user error, no stack trace; the stack only for our own bugs. */
export function describeFailure(
  error: unknown,
  debug: boolean,
): { message: string; status: number } {
  if (error instanceof UsageError) {
    return { message: `Lỗi: ${error.message}\nXem hướng dẫn: chiso --help`, status: EXIT.usage };
  }
  if (error instanceof DomainError) {
    const lines = error.issues
      .slice(0, MAX_ISSUES_SHOWN)
      .map((issue) => `  - ${formatIssue(issue)}`);
    if (error.issues.length > MAX_ISSUES_SHOWN) {
      lines.push(`  … và ${error.issues.length - MAX_ISSUES_SHOWN} lỗi khác`);
    }
    const count = error.issues.length > 1 ? ` (${error.issues.length} lỗi)` : '';
    return {
      message: [`Lỗi: ${error.message}${count}`, ...lines].join('\n'),
      status: EXIT.badInput,
    };
  }
  const detail =
    debug && error instanceof Error
      ? `\n${error.stack ?? ''}`
      : '\n(Đặt CHISO_DEBUG=1 để xem chi tiết kỹ thuật.)';
  return {
    message: `Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}${detail}`,
    status: EXIT.internal,
  };
}
