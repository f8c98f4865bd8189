import {
  formatPercent,
  formatPoints,
  formatPointsFixed,
  formatSignedPoints,
  peerGroupLabel,
  type Framework,
  type Results,
  type UnitResult,
} from '@chiso/core';

/** "tăng 7 bậc", "giảm 3 bậc", "giữ nguyên", as reports write it. */
export function rankChangeText(change: number | undefined): string {
  if (change === undefined) return '';
  if (change > 0) return `tăng ${change} bậc`;
  if (change < 0) return `giảm ${-change} bậc`;
  return 'giữ nguyên';
}

const width = (text: string) => [...text.normalize('NFC')].length;
const pad = (text: string, size: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return right ? fill + text : text + fill;
};

/** A plain-text table with aligned columns, for a terminal. */
export function textTable(
  header: string[],
  rows: string[][],
  rightAligned: ReadonlySet<number>,
): string {
  const sizes = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, sizes[i] ?? 0, rightAligned.has(i)))
      .join('  ')
      .trimEnd();
  return [line(header), sizes.map((s) => '─'.repeat(s)).join('  '), ...rows.map(line)].join('\n');
}

function changeText(unit: UnitResult): string {
  const parts = [rankChangeText(unit.rankChange)];
  if (unit.percentChange !== undefined) parts.push(`(${formatSignedPoints(unit.percentChange)}%)`);
  return parts.filter(Boolean).join(' ');
}

/** The ranking per peer group, in Vietnamese, for a terminal. */
export function formatRanking(framework: Framework, results: Results): string {
  const out: string[] = [
    `KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH — ${framework.name} (tối đa ${formatPoints(framework.maxPoints)} điểm)`,
  ];
  const groups = new Map<string, UnitResult[]>();
  for (const unit of results.units) {
    const key = unit.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  const areaCodes = framework.areas.map((a) => a.code);
  for (const [group, units] of groups) {
    out.push(
      '',
      group ? `Nhóm: ${peerGroupLabel(group)} — ${units.length} đơn vị` : `${units.length} đơn vị`,
    );
    const header = [
      'Hạng',
      'Đơn vị',
      'Điểm',
      'Chỉ số',
      'Thay đổi',
      'Xếp loại',
      'Người đứng đầu',
      ...areaCodes.map((c) => `LV${c}`),
    ];
    const rows = units.map((unit) => [
      unit.rank === undefined ? '—' : String(unit.rank),
      unit.name,
      `${formatPointsFixed(unit.points)}/${formatPoints(unit.maxPoints)}`,
      unit.percent === undefined ? '—' : formatPercent(unit.percent),
      changeText(unit),
      unit.band ?? '—',
      unit.headRating ?? '—',
      ...unit.areas.map((a) => (a.percent === undefined ? 'KAD' : formatPercent(a.percent))),
    ]);
    out.push(textTable(header, rows, new Set([0, 2, 3, ...areaCodes.map((_c, i) => 7 + i)])));
  }
  const notes = results.units.flatMap((unit) => [
    ...unit.flags.map(
      (flag) => `• ${unit.name}: ${flag.label} — lĩnh vực ${flag.areaCodes.join(', ')}`,
    ),
    ...(unit.score.missing.length > 0
      ? [
          `• ${unit.name}: chưa chấm ${unit.score.missing.length} tiêu chí (${unit.score.missing.slice(0, 8).join(', ')}${unit.score.missing.length > 8 ? ', …' : ''}), tính 0 điểm`,
        ]
      : []),
  ]);
  if (notes.length > 0) out.push('', 'Lưu ý:', ...notes);
  return `${out.join('\n')}\n`;
}
