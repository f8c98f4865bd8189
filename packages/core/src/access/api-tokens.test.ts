import { describe, expect, it } from 'vitest';
import { apiTokenPrefix, apiTokenStatus, apiTokenWorks, scopesOf } from './api-tokens.js';

describe('API tokens', () => {
  const now = Date.UTC(2023, 0, 5);
  it('works while active or inside its rotation grace, and not after', () => {
    expect(apiTokenStatus({ expiresAt: null, revokedAt: null, replaced: false }, now)).toBe(
      'active',
    );
    expect(apiTokenStatus({ expiresAt: now + 1, revokedAt: null, replaced: true }, now)).toBe(
      'rotating',
    );
    expect(apiTokenWorks({ expiresAt: now + 1, revokedAt: null, replaced: true }, now)).toBe(true);
    expect(apiTokenStatus({ expiresAt: now, revokedAt: null, replaced: true }, now)).toBe(
      'rotated',
    );
    expect(apiTokenStatus({ expiresAt: now, revokedAt: null, replaced: false }, now)).toBe(
      'expired',
    );
    expect(apiTokenWorks({ expiresAt: now, revokedAt: null, replaced: false }, now)).toBe(false);
    expect(apiTokenStatus({ expiresAt: null, revokedAt: now - 1, replaced: true }, now)).toBe(
      'revoked',
    );
  });

  it('reads the prefix of a well-formed secret only, and the known scopes only', () => {
    const secret = `chiso_0a1b2c3d_${'A'.repeat(42)}_`;
    expect(apiTokenPrefix(secret)).toBe('chiso_0a1b2c3d');
    expect(apiTokenPrefix(`${secret}x`)).toBeUndefined();
    expect(apiTokenPrefix('Bearer abc')).toBeUndefined();
    expect(scopesOf(['statistics:write', 'admin', 3])).toEqual(['statistics:write']);
    expect(scopesOf('statistics:write')).toEqual([]);
  });
});
