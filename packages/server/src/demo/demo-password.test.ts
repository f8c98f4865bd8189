import { passwordProblems } from '@chiso/core';
import { describe, expect, it } from 'vitest';
import { DEMO_WORDS, demoPassword } from './demo-password.js';

describe('demoPassword', () => {
  it('prints a password the policy takes, whichever words and number are drawn', () => {
    const owner = { username: 'admin', fullName: 'Quản trị Sở Nội vụ' };
    for (const word of DEMO_WORDS) {
      for (const number of [1000, 9999]) {
        expect(passwordProblems(`${word}-${number}`, owner), word).toEqual([]);
      }
    }
    expect(demoPassword()).toMatch(/^[a-z]+-[a-z]+-\d{4}$/);
  });
});
