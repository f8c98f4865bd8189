import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError, ERROR_CODES } from '@chiso/core';

// PGlite takes no lock of its own: two processes opening one data folder would both write
// it. The folder is held by a lock file with the process id (decision 0039); a lock whose
// process is gone (killed, machine restarted) is taken over.

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Holds `dataDir` for this process, or refuses naming who holds it; resolves to the release. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, 'pgdata.lock');
  const refuse = (holder: string) =>
    new DomainError(
      ERROR_CODES.INVALID_STATE,
      `Thư mục dữ liệu ${dataDir} đang được ${holder} dùng (máy chủ chiso hoặc một lệnh chiso khác): hãy dừng máy chủ trước rồi chạy lại (chỉ khi chắc chắn không còn tiến trình nào dùng thư mục này mới xoá tệp ${path})`,
    );
  if (heldHere.has(path)) throw refuse('chính tiến trình này');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(path);
      return async () => {
        heldHere.delete(path);
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      // Our own id in a lock we do not hold is a restart that reused the id: stale.
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw refuse(`tiến trình ${pid}`);
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw refuse('một tiến trình khác');
}
