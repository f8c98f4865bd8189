import { passwordProblems } from '@chiso/core';
import { describe, expect, it } from 'vitest';
import { ADMIN } from './server-process.js';

describe('the reliability suite’s server', () => {
  // The server refuses to start on a weak CHISO_ADMIN_PASSWORD (0036): once, the suite's own
  // password held the username and `npm run bench:reliability` stopped at its first start.
  it('starts with an administrator password the policy accepts', () => {
    expect(
      passwordProblems(ADMIN.password, { username: ADMIN.username, fullName: 'Quản trị' }),
    ).toEqual([]);
  });
});
