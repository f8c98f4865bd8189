import { COMMON_PASSWORDS_TEXT } from './common-passwords.js';

/**
 * The password policy (decision 0036), after NIST SP 800-63B §3.1.1.2: length rather than
 * composition rules (no "one capital, one digit, one symbol", which people meet with
 * "Matkhau@1" and forget), every character allowed (spaces and Vietnamese letters too, so that
 * a sentence is a good password), and a check against passwords that are common or have leaked.
 */
export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase; Argon2 hashes whatever length, this only bounds the work. */
export const PASSWORD_MAX_LENGTH = 128;

/** The rules as the screens show them before anyone types. */
export const PASSWORD_RULES: readonly string[] = [
  `Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, nhiều nhất ${PASSWORD_MAX_LENGTH} ký tự; nên dùng một câu dễ nhớ (được dùng dấu cách và chữ có dấu).`,
  'Không chứa tên đăng nhập hay họ và tên của bạn.',
  'Không phải mật khẩu phổ biến hoặc đã bị lộ (ví dụ "matkhau123", "123456789a", "qwertyuiop").',
  'Không cần bắt buộc chữ hoa, chữ số hay ký tự đặc biệt: độ dài quan trọng hơn.',
];

/** Words Vietnamese offices put in passwords, each refused with the endings people add. */
const VIETNAMESE_WORDS = [
  'matkhau',
  'matkhaumoi',
  'matkhaucuatoi',
  'doimatkhau',
  'chiso',
  'chisocchc',
  'cchc',
  'caicachhanhchinh',
  'hanhchinh',
  'sonoivu',
  'noivu',
  'phongnoivu',
  'ubnd',
  'ubndtinh',
  'ubndhuyen',
  'ubndxa',
  'vietnam',
  'hanoi',
  'saigon',
  'hochiminh',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'xinchao',
  'baomat',
  'quantri',
  'quantrivien',
  'admin',
  'administrator',
  'password',
  'abc',
  'abcd',
  'abcdef',
  'qwerty',
  'a123456',
  '123456a',
  '123456aa',
  '123456789',
  '12345678',
];

function vietnameseEndings(): string[] {
  const endings = ['', '1', '12', '123', '1234', '12345', '123456', '!', '!@#', '@', '#', '.'];
  for (const short of ['1', '12', '123', '1234', '12345', '123456', '2']) {
    endings.push(`@${short}`, `${short}@`, `${short}!`, `#${short}`, `.${short}`);
  }
  for (let year = 1990; year <= 2035; year++) {
    endings.push(`${year}`, `@${year}`, `${year}@`, `#${year}`, `${year}!`, `.${year}`);
  }
  return endings;
}

function buildList(): Set<string> {
  const list = new Set(COMMON_PASSWORDS_TEXT.split('\n'));
  const endings = vietnameseEndings();
  for (const word of VIETNAMESE_WORDS) {
    for (const ending of endings) list.add(`${word}${ending}`);
  }
  return list;
}

let common: Set<string> | undefined;

/** Lower case without Vietnamese diacritics ("Mật Khẩu" → "mat khau"). */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Letters and digits only: "mat-khau 123" and "matkhau123" are the same password to a guesser. */
function compact(text: string): string {
  return folded(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether a password is on the shipped list of common and leaked ones (case and marks aside). */
export function isCommonPassword(password: string): boolean {
  common ??= buildList();
  const lower = folded(password);
  return (
    common.has(lower) || common.has(lower.replace(/[\s._-]+/g, '')) || common.has(compact(password))
  );
}

export interface PasswordOwner {
  username: string;
  fullName: string;
}

/** The owner's name is refused inside the password, and a password that is part of the name. */
function namesIn(password: string, owner: PasswordOwner): string[] {
  const problems: string[] = [];
  const typed = compact(password);
  const username = compact(owner.username);
  if (username.length >= 3 && typed.includes(username))
    problems.push('mật khẩu không được chứa tên đăng nhập');
  const name = compact(owner.fullName);
  if (name.length >= 3 && (typed.includes(name) || (typed.length >= 3 && name.includes(typed))))
    problems.push('mật khẩu không được là hay chứa họ và tên của bạn');
  return problems;
}

/**
 * What is wrong with a new password, in Vietnamese; empty when it may be used. Characters are
 * counted as people see them (a letter with its marks is one).
 */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH)
    return [`mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự (mới có ${length})`];
  if (length > PASSWORD_MAX_LENGTH)
    return [`mật khẩu dài quá ${PASSWORD_MAX_LENGTH} ký tự (có ${length})`];
  const problems = namesIn(password, owner);
  if (isCommonPassword(password))
    problems.push(
      'mật khẩu này phổ biến hoặc đã bị lộ trong các vụ rò rỉ dữ liệu; hãy chọn mật khẩu khác',
    );
  else if (new Set(folded(password)).size < 4)
    problems.push('mật khẩu lặp lại quá ít ký tự khác nhau (ví dụ "aaaaaaaaaa", "1212121212")');
  return problems;
}
