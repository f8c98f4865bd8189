import { Readable } from 'node:stream';
import { vietnamDate } from '@chiso/core';
import { REMINDER_SOURCES } from '../reminders/sources/index.js';
import { deliverReminder } from '../reminders/deliver-reminder.js';
import { listFrameworkRows, listNodes } from '../repositories/frameworks.js';
import { setDefaultOffices } from '../repositories/offices.js';
import { createSnapshot } from '../use-cases/monitoring/create-snapshot.js';
import { generatePlan } from '../use-cases/plans/generate-plan.js';
import { createOffice } from '../use-cases/offices/create-office.js';
import { completeTask } from '../use-cases/tasks/complete-task.js';
import { createTask } from '../use-cases/tasks/create-task.js';
import { reportTask } from '../use-cases/tasks/report-task.js';
import { startTask } from '../use-cases/tasks/start-task.js';
import { uploadTaskEvidence } from '../use-cases/tasks/upload-task-evidence.js';
import { DEPARTMENTS, NEW_COMMUNES } from './catalogue.js';
import { at, ctx, DAY, officer, pdf, type Demo } from './demo.js';
import { account } from './seed-organisation.js';

// The year-round loop of the current year (issue 10): offices, who leads what, the plan from
// last year's result, tasks, a nine-month snapshot and the reminders they brought.

const DEPARTMENT_OFFICES = [
  'Văn phòng Sở',
  'Thanh tra Sở',
  'Phòng Kế hoạch - Tài chính',
  'Phòng Quản lý chuyên ngành',
];
const COMMUNE_OFFICES = [
  'Văn phòng HĐND và UBND',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  'Trung tâm Phục vụ hành chính công',
];
/** Which office leads each area, by the area's code, as a framework's "Đơn vị chủ trì" says. */
const LEADS: Record<string, Record<string, string>> = {
  so: {
    '1': 'Văn phòng Sở',
    '2': 'Thanh tra Sở',
    '3': 'Phòng Quản lý chuyên ngành',
    '4': 'Văn phòng Sở',
    '5': 'Văn phòng Sở',
    '6': 'Phòng Kế hoạch - Tài chính',
    '7': 'Văn phòng Sở',
  },
  xa: {
    '1': 'Văn phòng HĐND và UBND',
    '2': 'Văn phòng HĐND và UBND',
    '3': 'Trung tâm Phục vụ hành chính công',
    '6': 'Phòng Kinh tế',
    '7': 'Phòng Văn hóa - Xã hội',
  },
};

/** The leaves some tasks serve, the document that gave them and the file their report carries. */
const SERVES: Record<string, { codes: string[]; document: string; file: string }> = {
  'Ban hành kế hoạch CCHC năm': {
    codes: ['1.1.1'],
    document: '125/UBND-NC',
    file: 'ke-hoach-cchc-nam.pdf',
  },
  'Báo cáo CCHC quý III': {
    codes: ['1.2'],
    document: '2210/UBND-NC',
    file: 'bao-cao-cchc-quy-iii.pdf',
  },
  'Niêm yết công khai TTHC tại Bộ phận Một cửa': {
    codes: ['3.3'],
    document: '88/UBND-VP',
    file: 'bien-ban-niem-yet-tthc.pdf',
  },
};

const day = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

/**
 * Every department and commune gets its offices; the current frameworks name the office that
 * leads each area; Sở Nội vụ and xã An Lâm get tasks (done, done late, overdue with a report,
 * due soon), a staff account for one office, and a snapshot at the end of September; the
 * reminders due at `now` are delivered in the app.
 */
export async function seedImprovement(
  demo: Demo,
  passwordHash: string,
  year: number,
  now: Date,
  lastPeriodId: string,
) {
  const start = at(`05/01/${year} 08:00`);
  const officeIds = new Map<string, Map<string, string>>();
  const units = [
    ...DEPARTMENTS.map(([id]) => [id, DEPARTMENT_OFFICES] as const),
    ...NEW_COMMUNES.map(([id]) => [id, COMMUNE_OFFICES] as const),
  ];
  for (const [unitId, names] of units) {
    const byName = new Map<string, string>();
    for (const name of names) {
      const office = await createOffice(ctx(demo, officer(demo, unitId), start), unitId, name);
      byName.set(name, office.id);
    }
    officeIds.set(unitId, byName);
  }
  const frameworks = (await listFrameworkRows(demo.deps.db)).filter((f) => f.year === year);
  for (const row of frameworks) {
    const leads = LEADS[row.unitType === 'phuong' ? 'xa' : row.unitType];
    if (!leads) continue;
    for (const node of await listNodes(demo.deps.db, row.id)) {
      const lead = leads[node.code.split('.')[0] ?? ''];
      if (lead) {
        await setDefaultOffices(demo.deps.db, row.id, node.code, lead, []);
      }
    }
  }
  const snv = officeIds.get('SNV');
  const anLam = officeIds.get('XA-AN-LAM');
  if (!snv || !anLam) return;
  await account(
    demo,
    passwordHash,
    'cb.snv.vp',
    'officeStaff',
    'Chuyên viên Văn phòng Sở Nội vụ',
    'SNV',
    snv.get('Văn phòng Sở'),
  );
  await account(
    demo,
    passwordHash,
    'cb.xa-an-lam.tthc',
    'officeStaff',
    'Công chức Trung tâm Phục vụ hành chính công xã An Lâm',
    'XA-AN-LAM',
    anLam.get('Trung tâm Phục vụ hành chính công'),
  );

  const plans: [
    unitId: string,
    office: string,
    title: string,
    deadline: Date,
    outcome: 'onTime' | 'late' | 'reported' | 'open',
  ][] = [
    ['SNV', 'Văn phòng Sở', 'Ban hành kế hoạch CCHC năm', day(now, -300), 'onTime'],
    ['SNV', 'Văn phòng Sở', 'Báo cáo CCHC quý III', day(now, -60), 'late'],
    [
      'SNV',
      'Phòng Kế hoạch - Tài chính',
      'Giải ngân vốn đầu tư công đạt kế hoạch',
      day(now, -20),
      'reported',
    ],
    ['SNV', 'Thanh tra Sở', 'Rà soát văn bản quy phạm pháp luật của ngành', day(now, -5), 'open'],
    ['SNV', 'Văn phòng Sở', 'Số hóa hồ sơ, kết quả giải quyết TTHC', day(now, 6), 'open'],
    [
      'SNV',
      'Phòng Quản lý chuyên ngành',
      'Chỉ số hài lòng (SIPAS) trên 95 %',
      day(now, 25),
      'open',
    ],
    [
      'XA-AN-LAM',
      'Trung tâm Phục vụ hành chính công',
      'Tiếp nhận hồ sơ trực tuyến toàn trình đạt 80 %',
      day(now, -12),
      'reported',
    ],
    [
      'XA-AN-LAM',
      'Văn phòng HĐND và UBND',
      'Niêm yết công khai TTHC tại Bộ phận Một cửa',
      day(now, -90),
      'onTime',
    ],
    [
      'XA-AN-LAM',
      'Phòng Văn hóa - Xã hội',
      'Tuyên truyền CCHC trên hệ thống truyền thanh',
      day(now, 1),
      'open',
    ],
  ];
  for (const [unitId, office, title, deadline, outcome] of plans) {
    const lead = officeIds.get(unitId)?.get(office) ?? null;
    const given = day(deadline, -45);
    const c = (when: Date) => ctx(demo, officer(demo, unitId), when);
    const serves = SERVES[title];
    const task = await createTask(c(given), unitId, {
      title,
      deadline: vietnamDate(deadline.getTime()),
      leadOfficeId: lead,
      authority: unitId === 'SNV' ? 'UBND tỉnh Hòa An' : 'UBND xã An Lâm',
      ...(serves
        ? {
            frameworkId: frameworks.find((f) => f.unitType === (unitId === 'SNV' ? 'so' : 'xa'))
              ?.id,
            codes: serves.codes,
            documentNumber: serves.document,
            documentDate: vietnamDate(given.getTime()),
          }
        : {}),
    });
    const key = { unitId, taskId: task.id };
    let version = (await startTask(c(day(given, 3)), key, task.version)).version;
    if (outcome === 'reported') {
      const file = await uploadTaskEvidence(c(day(deadline, -2)), key, {
        stream: Readable.from(pdf(`Báo cáo tiến độ: ${title}`)),
        fileName: 'bao-cao-tien-do.pdf',
      });
      await reportTask(c(day(deadline, -2)), key, {
        text: 'Đã thực hiện được khoảng một nửa khối lượng; đang hoàn thiện hồ sơ.',
        percent: 50,
        evidenceIds: [file.evidence.id],
      });
    }
    if (outcome === 'onTime' || outcome === 'late') {
      const when = outcome === 'onTime' ? day(deadline, -4) : day(deadline, 9);
      // A finished task's file is offered to the self-assessment of the leaves it serves.
      if (serves) {
        const file = await uploadTaskEvidence(c(when), key, {
          stream: Readable.from(pdf(title)),
          fileName: serves.file,
        });
        await reportTask(c(when), key, {
          text: 'Đã hoàn thành; gửi kèm văn bản.',
          percent: 100,
          evidenceIds: [file.evidence.id],
        });
      }
      version = (await completeTask(c(when), key, version)).version;
    }
  }
  for (const unitId of ['SNV', 'XA-AN-LAM', 'XA-DONG-SON']) {
    await createSnapshot(ctx(demo, officer(demo, unitId), at(`05/10/${year} 09:00`)), unitId, {
      title: '9 tháng đầu năm',
      asOf: `${year}-09-30`,
    });
  }
  // Last year's published result turned into this year's plan, approved by the head.
  for (const unitId of ['SNV', 'XA-AN-LAM']) {
    await generatePlan(
      ctx(demo, officer(demo, unitId), at(`10/03/${year} 09:00`)),
      unitId,
      lastPeriodId,
    );
  }
  const run = { now, attempt: 1, lastAttempt: true };
  for (const source of REMINDER_SOURCES) {
    for (const reminder of await source.due(demo.deps.db, now)) {
      await deliverReminder(demo.deps, reminder, run);
    }
  }
}
