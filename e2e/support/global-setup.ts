import { rmSync } from 'node:fs';
import { Api } from './api';
import { ACCOUNTS, ADMIN, FRAMEWORK_NAME, PASSWORD, UNITS } from './constants';
import { JOURNEY_FRAMEWORK, xlsx } from './files';
import { SCREENSHOTS } from './ui';

/**
 * What the province has before the journey starts: two departments, their officers and heads,
 * an appraiser, a council member, and the departments' framework for 2026.
 */
export default async function globalSetup(): Promise<void> {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  const admin = await Api.signIn(ADMIN.username, ADMIN.password);
  try {
    for (const unit of UNITS)
      await admin.send('PUT', `/units/${unit.id}`, { name: unit.name, type: unit.type });
    for (const account of ACCOUNTS)
      await admin.send('POST', '/users', { ...account, password: PASSWORD });
    const query = new URLSearchParams({ name: FRAMEWORK_NAME, year: '2026', unitType: 'so' });
    await admin.importFile(
      `/frameworks/import?${query.toString()}`,
      'bo-chi-so-so-2026.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await xlsx('Bộ chỉ số', JOURNEY_FRAMEWORK),
    );
  } finally {
    await admin.dispose();
  }
}
