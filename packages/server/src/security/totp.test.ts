import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
} from './totp.js';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it('gives the RFC 6238 SHA-1 test vectors (8 digits), and their last 6 digits', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      expect(totpCode(RFC_SECRET, new Date(seconds * 1000), 8), String(seconds)).toBe(code);
      expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(code.slice(2));
    }
  });

  it('gives the RFC 4226 HOTP vectors', () => {
    const secret = Buffer.from('12345678901234567890', 'ascii');
    const expected = ['755224', '287082', '359152', '969429', '338314'];
    expect(expected.map((_, counter) => hotp(secret, counter))).toEqual(expected);
  });

  it('accepts one step of drift either way and names the step', () => {
    const now = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    const before = totpCode(RFC_SECRET, new Date(now.getTime() - 30_000));
    const after = totpCode(RFC_SECRET, new Date(now.getTime() + 30_000));
    const far = totpCode(RFC_SECRET, new Date(now.getTime() - 61_000));
    expect(matchTotp(RFC_SECRET, '050 471', now)).toBe(step);
    expect(matchTotp(RFC_SECRET, before, now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, after, now)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, far, now)).toBeUndefined();
    expect(matchTotp(RFC_SECRET, 'abcdef', now)).toBeUndefined();
  });

  it('writes secrets in base32 and the otpauth URI apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'chiso Hòa An', 'admin')).toBe(
      'otpauth://totp/chiso%20H%C3%B2a%20An:admin?secret=JBSWY3DPEHPK3PXP&issuer=chiso+H%C3%B2a+An&algorithm=SHA1&digits=6&period=30',
    );
  });
});
