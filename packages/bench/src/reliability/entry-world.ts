import { signIn, type Client } from './client.js';

/** Leaves scored per item (facts `{ count }`), so that every save is a version-checked write. */
export const ENTRY_CODES = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'];

const FRAMEWORK_CSV = [
  'Stt;Lĩnh vực/Tiêu chí;Điểm tối đa;Quy tắc chấm;Tài liệu kiểm chứng',
  '1;Công tác chỉ đạo, điều hành CCHC;600;;',
  ...ENTRY_CODES.map(
    (code) => `${code};Tiêu chí thử ${code};100;"{""kind"":""perItem"",""pointsPerItem"":1}";`,
  ),
  '',
].join('\n');

const OFFICER = { username: 'cb.snv', password: 'Can-bo-dau-moi-2026-snv' };

/** dd/mm/yyyy in Vietnam time, `days` from now (the real server runs on the wall clock). */
function vietnamDay(days: number): string {
  const at = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;
}

const window = (from: number, to: number) => ({
  opensAt: `${vietnamDay(from)} 00:00`,
  closesAt: `${vietnamDay(to)} 24:00`,
});

/** The framework an import job made (decision 0042), once the server's queue has run it. */
async function importedId(admin: Client, jobId: string): Promise<{ id: string }> {
  for (let polls = 0; polls < 600; polls++) {
    const job = (await admin.request('GET', `/api/imports/${jobId}`)).body as {
      state: string;
      result: { id: string } | null;
      problems: unknown;
    };
    if (job.state === 'succeeded' && job.result) return job.result;
    if (job.state !== 'queued' && job.state !== 'running')
      throw new Error(`framework → ${job.state} ${JSON.stringify(job.problems)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('framework → the import did not end');
}

/**
 * Sở Nội vụ with its unit officer, a framework of six per-item leaves and a period whose
 * self-assessment window is open today: the officer's client and the period, for entry saves.
 */
export async function entryWorld(admin: Client): Promise<{ officer: Client; periodId: string }> {
  const ok = async (what: string, answer: Promise<{ status: number; body: unknown }>) => {
    const r = await answer;
    if (r.status >= 300) throw new Error(`${what} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string };
  };
  await ok('unit SNV', admin.request('PUT', '/api/units/SNV', { name: 'Sở Nội vụ', type: 'so' }));
  await ok(
    'officer',
    admin.request('POST', '/api/users', {
      ...OFFICER,
      fullName: 'Nguyễn Văn Đầu Mối',
      role: 'unitOfficer',
      unitId: 'SNV',
    }),
  );
  const queued = await ok(
    'framework',
    admin.upload(
      `/api/frameworks/import?name=${encodeURIComponent('Bộ chỉ số ghi đồng thời')}&year=2026&unitType=so`,
      'bo-chi-so.csv',
      Buffer.from(FRAMEWORK_CSV),
      30_000,
    ),
  );
  const framework = await importedId(admin, queued.id);
  const period = await ok(
    'period',
    admin.request('POST', '/api/periods', {
      name: 'Kỳ đo độ tin cậy',
      year: 2026,
      frameworks: { so: framework.id },
      windows: {
        selfAssessment: window(-1, 10),
        appraisal: window(11, 12),
        explanation: window(13, 14),
        council: window(15, 16),
        publication: window(17, 30),
      },
    }),
  );
  return { officer: await signIn(admin.base, OFFICER), periodId: period.id };
}

/** The last acknowledged save of a leaf: its version and the count it stored. */
export interface AckedEntry {
  version: number;
  count: number;
}

/** Saves one leaf again and again, each with the version the last answer gave. */
export async function entryChain(
  officer: Client,
  periodId: string,
  code: string,
  acked: Map<string, AckedEntry>,
  stopping: () => boolean,
): Promise<number> {
  let saves = 0;
  let version = 0;
  for (let i = 1; !stopping(); i++) {
    const count = i % 90;
    try {
      const r = await officer.request(
        'PUT',
        `/api/periods/${periodId}/units/SNV/entries/${code}`,
        { facts: { count }, version },
        10_000,
      );
      if (r.status !== 200)
        throw new Error(`entry ${code} → ${r.status} ${JSON.stringify(r.body)}`);
      version = (r.body as { version: number }).version;
      acked.set(code, { version, count });
      saves++;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('entry ')) throw error;
      return saves; // The connection died with the process: not acknowledged.
    }
  }
  return saves;
}

/**
 * Acknowledged saves the restarted server does not have: each save adds one to its leaf's
 * version, so a leaf found at an older version lost the saves between; at the same version it
 * must hold the same facts.
 */
export async function lostEntries(
  client: Client,
  periodId: string,
  acked: Map<string, AckedEntry>,
): Promise<number> {
  const r = await client.request('GET', `/api/periods/${periodId}/units/SNV/assessment`);
  const entries = (r.body as { entries: { code: string; version: number; facts: unknown }[] })
    .entries;
  let lost = 0;
  for (const [code, last] of acked) {
    const stored = entries.find((e) => e.code === code);
    const count = (stored?.facts as { count?: number } | null)?.count;
    // One more save may have committed without its answer arriving: a later version is kept.
    if (!stored || stored.version < last.version) lost += last.version - (stored?.version ?? 0);
    else if (stored.version === last.version && count !== last.count) lost++;
  }
  return lost;
}
