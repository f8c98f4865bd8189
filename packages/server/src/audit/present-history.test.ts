import { ruleSchema } from '@chiso/core';
import { describe, expect, it } from 'vitest';
import type { auditLog } from '../db/schema.js';
import { evidenceIdsOf, presentHistory } from './present-history.js';

type AuditRow = typeof auditLog.$inferSelect;

const RATIO = ruleSchema.parse({
  kind: 'noneArose',
  otherwise: { kind: 'ratioBands', bands: [{ minPercent: 100, points: 1 }] },
});

let nextId = 1;
function row(action: string, before: unknown, after: unknown, at = '2027-01-12T07:05:00Z') {
  return {
    id: nextId++,
    at: new Date(at),
    actorId: null,
    actorName: 'Nguyễn Thị Lan (cb.snv)',
    ip: '10.1.2.3',
    action,
    entityType: 'entry',
    entityId: 'p/SNV/2.1',
    periodId: 'p',
    unitId: 'SNV',
    code: '2.1',
    before,
    after,
  } satisfies AuditRow;
}

const present = (rows: AuditRow[], showIp = false, fileNames = new Map<string, string>()) =>
  presentHistory(rows, { rule: RATIO, fileNames, showIp, appraisalVisible: true });

/** Everything a person reads in one row, to check that no code or JSON shows through. */
const readable = (rows: ReturnType<typeof present>) =>
  rows
    .flatMap((r) => [
      r.when,
      r.actor,
      r.actionLabel,
      ...r.changes.map((c) => `${c.label}: ${c.before ?? ''} → ${c.after}`),
    ])
    .join('\n');

describe('presentHistory: a leaf history a civil servant reads', () => {
  it('says who, when (Vietnam time), what, and the facts under the form’s labels', () => {
    const [first, second] = present([
      row('entry.self.save', null, {
        facts: { numerator: '574', denominator: 596 },
        selfPoints: '0.95',
        selfExplanation: null,
      }),
      row(
        'entry.self.save',
        {
          facts: { numerator: '574', denominator: 596 },
          selfPoints: '0.95',
          selfExplanation: null,
        },
        { facts: { noneArose: true }, selfPoints: '1', selfExplanation: 'Không có hồ sơ' },
      ),
    ]);
    expect(first).toMatchObject({
      when: '12/01/2027 14:05',
      actor: 'Nguyễn Thị Lan (cb.snv)',
      action: 'entry.self.save',
      actionLabel: 'Đơn vị lưu kết quả tự đánh giá',
      changes: [
        { label: 'Tử số (đạt)', after: '574' },
        { label: 'Mẫu số (tổng)', after: '596' },
        { label: 'Điểm tự chấm', after: '0,95' },
      ],
    });
    expect(second?.changes).toEqual([
      { label: 'Không phát sinh trong năm', before: '(trống)', after: 'Có' },
      { label: 'Điểm tự chấm', before: '0,95', after: '1' },
      { label: 'Giải trình của đơn vị', before: '(trống)', after: 'Không có hồ sơ' },
      { label: 'Tử số (đạt)', before: '574', after: '(trống)' },
      { label: 'Mẫu số (tổng)', before: '596', after: '(trống)' },
    ]);
    expect(first).not.toHaveProperty('ip');
  });

  it('reads old appraisal rows and the new appraisal model alike', () => {
    const rows = present([
      row(
        'entry.appraise',
        { appraisedPoints: null, appraisalComment: null, supplementDeadline: null },
        {
          appraisedPoints: '0.5',
          appraisalComment: 'Thiếu báo cáo quý IV',
          supplementDeadline: '2027-01-15T17:00:00.000Z',
          supplementNote: null,
        },
      ),
      row(
        'entry.reappraise',
        { appraisalKind: 'points', appraisedPoints: '0.5' },
        {
          appraisalKind: 'facts',
          appraisedFacts: { numerator: 570, denominator: 596 },
          appraisedPoints: '0.95',
          appraisalComment: null,
          supplementDeadline: null,
          supplementNote: null,
        },
      ),
      row('entry.accept', null, {
        appraisalKind: 'accepted',
        appraisedFacts: { numerator: 596, denominator: 596 },
        appraisedPoints: '1',
      }),
      row(
        'entry.correct',
        { appraisalKind: 'accepted', appraisedPoints: '1' },
        { appraisalKind: 'missing', appraisedPoints: null, reason: 'Báo cáo không đúng kỳ' },
      ),
      row('entry.repair', { appraisalKind: null }, { appraisalKind: 'points' }),
    ]);
    expect(rows.map((r) => r.actionLabel)).toEqual([
      'Tổ thẩm định chấm điểm',
      'Tổ thẩm định chấm lại sau giải trình',
      'Chấp nhận kết quả tự đánh giá khi chốt vòng thẩm định',
      'Quản trị điều chỉnh sau khi công bố',
      'Sửa dữ liệu khi nâng cấp hệ thống',
    ]);
    expect(rows[0]?.changes).toEqual([
      { label: 'Điểm thẩm định', before: '(trống)', after: '0,5' },
      { label: 'Nhận xét thẩm định', before: '(trống)', after: 'Thiếu báo cáo quý IV' },
      // The end of 15/01 in Vietnam: midnight, written as plans write it.
      { label: 'Hạn bổ sung', before: '(trống)', after: '15/01/2027 24:00' },
    ]);
    expect(rows[1]?.changes).toEqual([
      { label: 'Cách thẩm định', before: 'Chấm điểm trực tiếp', after: 'Sửa số liệu' },
      { label: 'Tử số (đạt)', before: '(trống)', after: '570' },
      { label: 'Mẫu số (tổng)', before: '(trống)', after: '596' },
      { label: 'Điểm thẩm định', before: '0,5', after: '0,95' },
    ]);
    expect(rows[2]?.changes).toEqual([
      { label: 'Cách thẩm định', after: 'Chấp nhận kết quả tự đánh giá' },
      { label: 'Tử số (đạt)', after: '596' },
      { label: 'Mẫu số (tổng)', after: '596' },
      { label: 'Điểm thẩm định', after: '1' },
    ]);
    expect(rows[3]?.changes).toEqual([
      {
        label: 'Cách thẩm định',
        before: 'Chấp nhận kết quả tự đánh giá',
        after: 'Không tính điểm',
      },
      { label: 'Điểm thẩm định', before: '1', after: '(trống)' },
      { label: 'Lý do điều chỉnh', before: '(trống)', after: 'Báo cáo không đúng kỳ' },
    ]);
    expect(rows[4]?.changes).toEqual([
      { label: 'Cách thẩm định', before: '(trống)', after: 'Chấm điểm trực tiếp' },
    ]);
  });

  it('names evidence by its file name, also for unlinks that kept only the id', () => {
    const rows = [
      row('evidence.link', null, { evidenceId: 'e1', fileName: 'bao-cao.pdf', pageRef: 'tr. 5' }),
      row('evidence.unlink', { evidenceId: 'e2', pageRef: null, linkedAt: 'x' }, null),
      row('entry.respond', { response: null }, { response: 'Đã bổ sung báo cáo' }),
    ];
    expect(evidenceIdsOf(rows)).toEqual(['e2']);
    const shown = present(rows, false, new Map([['e2', 'quyet-dinh.pdf']]));
    expect(shown.map((r) => [r.actionLabel, r.changes])).toEqual([
      [
        'Gắn tài liệu kiểm chứng',
        [
          { label: 'Tài liệu', after: 'bao-cao.pdf' },
          { label: 'Trang, mục trong tài liệu', after: 'tr. 5' },
        ],
      ],
      ['Gỡ tài liệu kiểm chứng', [{ label: 'Tài liệu', after: 'quyet-dinh.pdf' }]],
      [
        'Đơn vị giải trình',
        [{ label: 'Nội dung giải trình', before: '(trống)', after: 'Đã bổ sung báo cáo' }],
      ],
    ]);
  });

  it('names an unknown action and field in Vietnamese, and shows the address only when asked', () => {
    const shown = present([row('entry.future', { flag: false }, { flag: true })], true);
    expect(shown[0]).toMatchObject({
      actionLabel: 'Thay đổi khác',
      changes: [{ label: 'Thông tin khác', before: 'Không', after: 'Có' }],
      ip: '10.1.2.3',
    });
  });

  it('shows a unit only the request to supplement until the appraisal is sent', () => {
    const rows = [
      row('entry.appraise', null, { appraisedPoints: '0.5', appraisalComment: 'Thiếu' }),
      row(
        'entry.appraise',
        { appraisedPoints: '0.5', supplementDeadline: null },
        {
          appraisedPoints: '0.5',
          supplementDeadline: '2027-01-15T17:00:00.000Z',
          supplementNote: 'Bổ sung báo cáo quý IV',
        },
      ),
    ];
    const shown = presentHistory(rows, {
      rule: RATIO,
      fileNames: new Map(),
      showIp: false,
      appraisalVisible: false,
    });
    expect(shown).toHaveLength(1);
    expect(shown[0]?.actor).toBe('Tổ thẩm định');
    expect(JSON.stringify(shown)).not.toMatch(/Nguyễn Thị Lan|0,5|Thiếu|10\.1\.2\.3/);
    expect(shown[0]).toMatchObject({
      actionLabel: 'Tổ thẩm định yêu cầu bổ sung',
      changes: [
        { label: 'Hạn bổ sung', before: '(trống)', after: '15/01/2027 24:00' },
        { label: 'Nội dung cần bổ sung', before: '(trống)', after: 'Bổ sung báo cáo quý IV' },
      ],
    });
  });

  it('never shows JSON, English keys or codes', () => {
    const text = readable(
      present([
        row('entry.self.save', null, { facts: { numerator: 1, denominator: 2 }, selfPoints: '0' }),
        row('entry.accept', null, { appraisalKind: 'accepted', appraisedPoints: '1' }),
      ]),
    );
    expect(text).not.toMatch(/[{}"]|numerator|selfPoints|appraisalKind|accepted|entry\./);
  });
});
