import { createInterface } from 'node:readline';
import { readConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { configuredStore } from '../../storage/configured-store.js';
import { createUser } from '../../use-cases/users/create-user.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** Reads a password without echoing it; from the environment when there is no terminal. */
async function readPassword(io: CliIo): Promise<string> {
  const fromEnv = process.env.CHISO_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    const text = await io.readStdin();
    return text.split(/\r?\n/)[0] ?? '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const output = rl as unknown as { _writeToOutput: (text: string) => void };
      output._writeToOutput = (text: string) => {
        if (text.includes(prompt)) process.stdout.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Mật khẩu (ít nhất 10 ký tự): ');
  const second = await ask('Nhập lại mật khẩu: ');
  if (first !== second) throw new UsageError('hai lần nhập mật khẩu không khớp');
  return first;
}

/**
 * `chiso admin create --username <tên>`: creates an administrator in the configured database
 * (DATABASE_URL, or PGlite in CHISO_DATA_DIR; stop the server first when it uses PGlite).
 */
export async function runAdminCreate(
  options: { username?: string | undefined; name?: string | undefined },
  io: CliIo,
): Promise<void> {
  if (!options.username) throw new UsageError('cần --username <tên đăng nhập>');
  const config = readConfig(process.env);
  const password = await readPassword(io);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  const evidence = await configuredStore(config);
  try {
    const deps = {
      db: database.db,
      clock: () => new Date(),
      storage: evidence.store,
      config,
    };
    const user = await createUser(
      { actor: undefined, ip: 'command-line', now: new Date(), deps },
      {
        username: options.username,
        fullName: options.name ?? 'Quản trị hệ thống',
        password,
        role: 'administrator',
      },
      true,
    );
    io.stdout(`Đã tạo tài khoản quản trị "${user.username}".\n`);
  } finally {
    evidence.close();
    await database.close();
  }
}
