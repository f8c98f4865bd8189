import { DomainError, ERROR_CODES } from '@chiso/core';
import { takeDataDirLock } from './data-dir-lock-file.js';

/** Holds `dataDir` for this process, or refuses naming who holds it; resolves to the release. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const taken = takeDataDirLock(dataDir);
  if (taken.held) return taken.release;
  const holder =
    taken.holder === 'self'
      ? 'chính tiến trình này'
      : taken.holder === 'other'
        ? 'một tiến trình khác'
        : `tiến trình ${taken.holder}`;
  return Promise.reject(
    new DomainError(
      ERROR_CODES.INVALID_STATE,
      `Thư mục dữ liệu ${dataDir} đang được ${holder} dùng (máy chủ chiso hoặc một lệnh chiso khác): hãy dừng máy chủ trước rồi chạy lại (chỉ khi chắc chắn không còn tiến trình nào dùng thư mục này mới xoá tệp ${taken.path})`,
    ),
  );
}
