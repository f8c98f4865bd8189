import { DomainError } from '@chiso/core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { DEFAULT_OIDC_LABEL, DEFAULT_OIDC_SCOPES } from './oidc-config.js';

const PROVIDER = {
  CHISO_OIDC_ISSUER: 'https://dinhdanh.hoaan.gov.vn/realms/cong-vu',
  CHISO_OIDC_CLIENT_ID: 'chiso',
  CHISO_OIDC_CLIENT_SECRET: 'bi-mat',
};

/** The variables a refused configuration names, with their messages. */
function refusal(env: Record<string, string>): Record<string, string> {
  try {
    readConfig(env);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return Object.fromEntries(error.issues.map((i) => [i.field ?? '', i.message]));
  }
  throw new Error('the configuration was accepted');
}

describe('sign-in by OpenID Connect: configuration', () => {
  it('is off unless an issuer is given', () => {
    expect(readConfig({}).oidc).toBeUndefined();
  });

  it('reads the provider, with the callback under the public address and the defaults', () => {
    const oidc = readConfig({ ...PROVIDER, CHISO_PUBLIC_URL: 'https://chiso.hoaan.gov.vn/' }).oidc;
    expect(oidc).toEqual({
      issuer: new URL(PROVIDER.CHISO_OIDC_ISSUER),
      clientId: 'chiso',
      clientSecret: 'bi-mat',
      redirectUrl: new URL('https://chiso.hoaan.gov.vn/api/auth/oidc/callback'),
      label: DEFAULT_OIDC_LABEL,
      claim: 'preferred_username',
      scopes: DEFAULT_OIDC_SCOPES,
    });
  });

  it('takes the redirect address, label, claim and scopes the operator sets', () => {
    const oidc = readConfig({
      ...PROVIDER,
      CHISO_OIDC_REDIRECT_URL: 'https://cchc.hoaan.gov.vn/chiso/api/auth/oidc/callback',
      CHISO_OIDC_LABEL: 'Đăng nhập bằng tài khoản công vụ',
      CHISO_OIDC_CLAIM: 'email',
      CHISO_OIDC_SCOPES: 'openid email',
    }).oidc;
    expect(oidc).toMatchObject({
      redirectUrl: new URL('https://cchc.hoaan.gov.vn/chiso/api/auth/oidc/callback'),
      label: 'Đăng nhập bằng tài khoản công vụ',
      claim: 'email',
      scopes: 'openid email',
    });
  });

  it('accepts http only for a provider on this machine', () => {
    expect(
      readConfig({ ...PROVIDER, CHISO_OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc,
    ).toBeDefined();
    expect(refusal({ ...PROVIDER, CHISO_OIDC_ISSUER: 'http://dinhdanh.hoaan.gov.vn' })).toEqual({
      CHISO_OIDC_ISSUER: 'cần một địa chỉ https://… (http chỉ cho localhost/127.0.0.1)',
    });
  });

  it('stops the start naming the variable that is wrong or missing', () => {
    expect(refusal({ CHISO_OIDC_ISSUER: PROVIDER.CHISO_OIDC_ISSUER })).toEqual({
      CHISO_OIDC_CLIENT_ID: 'cần khi có CHISO_OIDC_ISSUER (mã ứng dụng đã đăng ký)',
      CHISO_OIDC_CLIENT_SECRET: 'cần khi có CHISO_OIDC_ISSUER (khóa bí mật của ứng dụng)',
    });
    expect(Object.keys(refusal({ CHISO_OIDC_CLIENT_ID: 'chiso' }))).toEqual(['CHISO_OIDC_ISSUER']);
    expect(Object.keys(refusal({ ...PROVIDER, CHISO_OIDC_CLAIM: 'sub' }))).toEqual([
      'CHISO_OIDC_CLAIM',
    ]);
    expect(refusal({ ...PROVIDER, CHISO_OIDC_SCOPES: 'profile email' })).toEqual({
      CHISO_OIDC_SCOPES: 'cần có phạm vi openid',
    });
    expect(Object.keys(refusal({ ...PROVIDER, CHISO_OIDC_ISSUER: 'dinhdanh' }))).toEqual([
      'CHISO_OIDC_ISSUER',
    ]);
  });
});
