import { ROLE_LABELS } from '@chiso/core';
import { describeFailure } from '../cli/exit-codes.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { listUnits } from '../repositories/units.js';
import { configuredStore } from '../storage/configured-store.js';
import { demoPassword } from './demo-password.js';
import { seedDemo } from './seed-demo.js';

const SECRETARIAT: readonly string[] = [
  'administrator',
  'appraiser',
  'councilMember',
  'surveyClerk',
];

/** `npm run demo`: loads tỉnh Hòa An into the configured database and prints the accounts. */
async function main() {
  const config = readConfig(process.env);
  const evidence = await configuredStore(config);
  await evidence.check();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  try {
    if ((await listUnits(database.db)).length > 0) {
      process.stderr.write(
        `Cơ sở dữ liệu đã có dữ liệu (${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}).\n` +
          'Dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống: xóa thư mục dữ liệu hoặc đặt CHISO_DATA_DIR khác.\n',
      );
      process.exitCode = 1;
      return;
    }
    const password = demoPassword();
    const now = new Date();
    const deps = {
      db: database.db,
      clock: () => now,
      storage: evidence.store,
      config,
    };
    process.stdout.write(
      'Đang nạp dữ liệu mẫu tỉnh Hòa An (2024, 2025 đã công bố; kỳ hiện tại đang thẩm định, phiếu khảo sát đã thu và tính điểm)…\n',
    );
    // Progress on stderr, seconds since the start: the account list below stays as it was.
    const started = Date.now();
    const report = (message: string) =>
      process.stderr.write(
        `  [${String(Math.round((Date.now() - started) / 1000)).padStart(3)} giây] ${message}\n`,
      );
    const { accounts } = await seedDemo(deps, now, password, report);
    const lines = [
      '',
      `Xong. Mật khẩu chung của mọi tài khoản mẫu: ${password}`,
      '',
      'Sở Nội vụ (cả tỉnh):',
      ...(
        ['administrator', 'appraiser', 'councilMember', 'surveyClerk', 'viewer'] as const
      ).flatMap((role) =>
        accounts
          .filter((a) => a.role === role && a.unit === undefined)
          .map((a) => `  ${a.username.padEnd(24)} ${ROLE_LABELS[role]} — ${a.fullName}`),
      ),
      'Phòng Nội vụ các huyện, thị xã (năm 2024; chỉ thao tác trong huyện, thị xã của mình):',
      ...accounts
        .filter((a) => SECRETARIAT.includes(a.role) && a.unit !== undefined)
        .map(
          (a) =>
            `  ${a.username.padEnd(24)} ${ROLE_LABELS[a.role]} — ${a.fullName} (mã đơn vị ${a.unit ?? ''})`,
        ),
      '  cb.<mã đơn vị>, tt.<mã đơn vị>  cán bộ đầu mối và thủ trưởng của từng đơn vị, ví dụ:',
      ...accounts
        .filter((a) =>
          ['cb.snv', 'tt.snv', 'cb.xa-an-lam', 'tt.phuong-tran-phu'].includes(a.username),
        )
        .map((a) => `  ${a.username.padEnd(24)} ${a.fullName}`),
      '',
      'Chạy "npm start" rồi mở http://localhost:3000 (tài liệu API: http://localhost:3000/api/docs).',
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    evidence.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeFailure(error, process.env.CHISO_DEBUG === '1').message}\n`);
  process.exitCode = 1;
});
