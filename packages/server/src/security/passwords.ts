import type * as Argon2 from '@node-rs/argon2';

// The native library loads with the first hash or check, not with the server's start (0052).
let argon2: Promise<typeof Argon2> | undefined;
const library = () => (argon2 ??= import('@node-rs/argon2'));

/** Argon2id (the library's default algorithm), with its default memory and time costs. */
export function hashPassword(password: string): Promise<string> {
  return library().then(({ hash }) => hash(password));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return library()
    .then(({ verify }) => verify(passwordHash, password))
    .catch(() => false);
}
