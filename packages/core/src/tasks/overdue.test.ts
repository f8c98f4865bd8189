import { describe, expect, it } from 'vitest';
import { formatDocumentCount } from '../format/format.js';
import { countTasks, lateByOffice, lateSentence, NO_LEAD_OFFICE, sumTallies } from './overdue.js';
import type { TaskStatus } from './status.js';

const office = (id: string, name: string) => ({ id, name });
const TCKH = office('tckh', 'Phòng Tài chính - Kế hoạch');
const NN = office('nn', 'Phòng NN&PTNT');
const KTHT = office('ktht', 'Phòng KT&HT');
const TNMT = office('tnmt', 'Phòng TN&MT');
const YTE = office('yte', 'Trung tâm Y tế huyện');
const CA = office('ca', 'Công an huyện');

const tasks = (lead: { id: string; name: string } | null, n: number, status: TaskStatus) =>
  Array.from({ length: n }, () => ({ leadOffice: lead, status }));

describe('overdue counts', () => {
  it("writes seed 000's sentence from the unit's tasks, counts as the document writes them", () => {
    const all = [
      ...tasks(TCKH, 6, 'overdue'),
      ...tasks(TCKH, 2, 'doneLate'),
      ...tasks(TCKH, 4, 'doneOnTime'),
      ...tasks(NN, 1, 'overdue'),
      ...tasks(KTHT, 2, 'overdue'),
      ...tasks(TNMT, 2, 'doneLate'),
      ...tasks(YTE, 1, 'overdue'),
      ...tasks(CA, 3, 'overdue'),
      ...tasks(CA, 5, 'inProgress'),
    ];
    const counts = lateByOffice(all, [TCKH, NN, KTHT, TNMT, YTE, CA]);
    expect(counts.map((c) => [c.officeName, c.count])).toEqual([
      ['Phòng Tài chính - Kế hoạch', 8],
      ['Phòng NN&PTNT', 1],
      ['Phòng KT&HT', 2],
      ['Phòng TN&MT', 2],
      ['Trung tâm Y tế huyện', 1],
      ['Công an huyện', 3],
    ]);
    expect(lateSentence(counts)).toBe(
      '17 nội dung công việc quá hạn (Phòng Tài chính - Kế hoạch: 08; Phòng NN&PTNT: 01; ' +
        'Phòng KT&HT: 02; Phòng TN&MT: 02; Trung tâm Y tế huyện: 01 và Công an huyện: 03)',
    );
  });

  it('leaves out offices with nothing late and puts tasks without a lead office last', () => {
    const counts = lateByOffice(
      [...tasks(null, 1, 'overdue'), ...tasks(NN, 3, 'doneOnTime'), ...tasks(CA, 2, 'overdue')],
      [NN, CA],
    );
    expect(counts).toEqual([
      { officeId: 'ca', officeName: 'Công an huyện', count: 2 },
      { officeId: null, officeName: NO_LEAD_OFFICE, count: 1 },
    ]);
    expect(lateSentence(counts)).toBe(
      `03 nội dung công việc quá hạn (Công an huyện: 02 và ${NO_LEAD_OFFICE}: 01)`,
    );
    expect(lateSentence(counts.slice(0, 1))).toBe(
      '02 nội dung công việc quá hạn (Công an huyện: 02)',
    );
    expect(lateSentence([])).toBe('Không có nội dung công việc quá hạn');
  });

  it('counts a unit by status, with done and late', () => {
    const counts = countTasks(['overdue', 'doneLate', 'doneOnTime', 'notStarted', 'doneOnTime']);
    expect(counts).toEqual({
      total: 5,
      done: 3,
      late: 2,
      notStarted: 1,
      inProgress: 0,
      doneOnTime: 2,
      doneLate: 1,
      overdue: 1,
    });
    expect(formatDocumentCount(234)).toBe('234');
  });

  it('counts tallies (tasks grouped by office and status) as it counts the tasks one by one', () => {
    const one = [
      ...tasks(CA, 3, 'overdue'),
      ...tasks(null, 2, 'doneLate'),
      ...tasks(TCKH, 4, 'doneOnTime'),
      ...tasks(NN, 1, 'doneLate'),
      ...tasks(TCKH, 2, 'overdue'),
      ...tasks(CA, 1, 'notStarted'),
    ];
    const grouped = [
      { leadOffice: CA, status: 'overdue' as const, count: 3 },
      { leadOffice: null, status: 'doneLate' as const, count: 2 },
      { leadOffice: TCKH, status: 'doneOnTime' as const, count: 4 },
      { leadOffice: NN, status: 'doneLate' as const, count: 1 },
      { leadOffice: TCKH, status: 'overdue' as const, count: 2 },
      { leadOffice: CA, status: 'notStarted' as const, count: 1 },
    ];
    const order = [TCKH, NN, CA];
    expect(lateByOffice(grouped, order)).toEqual(lateByOffice(one, order));
    expect(lateSentence(lateByOffice(grouped, order))).toBe(
      `08 nội dung công việc quá hạn (Phòng Tài chính - Kế hoạch: 02; Phòng NN&PTNT: 01; Công an huyện: 03 và ${NO_LEAD_OFFICE}: 02)`,
    );
    expect(sumTallies(grouped)).toEqual(countTasks(one.map((t) => t.status)));
    expect(sumTallies([])).toEqual(countTasks([]));
  });
});
