import type { Issue, IssueLocation } from '../errors.js';
import { cellText, isBlank, normalizeHeader, type Cell, type Table } from '../tabular/table.js';
import { unitTypeKey, unitTypeLabel } from '../units/unit-types.js';
import type { Questionnaire } from './questionnaire.js';
import { cellValue, codeText } from './sheet-cells.js';

/** Sheet "Thông tin": two columns, Mục | Giá trị. */

type InfoKey =
  | 'name'
  | 'kind'
  | 'group'
  | 'groupLabel'
  | 'ratedUnitType'
  | 'formula'
  | 'mode'
  | 'target'
  | 'sipasLeaf';

const INFO_LABELS: Record<InfoKey, string> = {
  name: 'Tên phiếu',
  kind: 'Loại phiếu (ĐTXHH/SIPAS)',
  group: 'Mã nhóm đối tượng',
  groupLabel: 'Tên nhóm đối tượng',
  ratedUnitType: 'Loại đơn vị được đánh giá',
  formula: 'Công thức SIPAS',
  mode: 'Hình thức SIPAS',
  target: 'Chỉ tiêu (%)',
  sipasLeaf: 'Tiêu chí nhận chỉ số SIPAS',
};

const SIPAS_INFO: readonly InfoKey[] = ['formula', 'mode', 'target', 'sipasLeaf'];

const FORMULA_LABELS = { meanOfElements: 'Bình quân các yếu tố', pooled: 'Gộp tất cả câu trả lời' };
const MODE_LABELS = { regular: 'Thường xuyên', spot: 'Đột xuất' };

/** The rows of sheet "Thông tin", header first; SIPAS rows blank on a PAR form. */
export function infoRows(q: Questionnaire): (string | number | null)[][] {
  const sipas = q.sipas;
  return [
    ['Mục', 'Giá trị'],
    [INFO_LABELS.name, q.name],
    [INFO_LABELS.kind, q.kind === 'sipas' ? 'SIPAS' : 'ĐTXHH'],
    [INFO_LABELS.group, q.group],
    [INFO_LABELS.groupLabel, q.groupLabel],
    [INFO_LABELS.ratedUnitType, unitTypeLabel(q.ratedUnitType)],
    [INFO_LABELS.formula, sipas ? FORMULA_LABELS[sipas.formula] : null],
    [INFO_LABELS.mode, sipas ? MODE_LABELS[sipas.mode] : null],
    [INFO_LABELS.target, sipas ? sipas.target.toNumber() : null],
    [INFO_LABELS.sipasLeaf, sipas?.leafCode ?? null],
  ];
}

/**
 * Everything but the questions, as JSON for the schema, from sheet "Thông tin"; records in
 * `where` the cell each path came from and adds what it cannot read to `issues`.
 */
export function readInfo(
  info: Table,
  issues: Issue[],
  where: Map<string, IssueLocation>,
): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  // "Thông tin": label in column A, value in column B.
  const infoCells = new Map<InfoKey, { cell: Cell | undefined; location: IssueLocation }>();
  info.rows.forEach((row, r) => {
    const label = normalizeHeader(cellText(row[0]));
    if (label === '' || label === 'muc') return;
    const key = (Object.keys(INFO_LABELS) as InfoKey[]).find((k) => {
      const wanted = normalizeHeader(INFO_LABELS[k]);
      return label === wanted || label === wanted.replace(/ \(.*\)$/, '');
    });
    const location = { sheet: info.sheet, row: r + 1, column: 'B', field: cellText(row[0]) };
    if (key === undefined) {
      issues.push({
        sheet: info.sheet,
        row: r + 1,
        column: 'A',
        field: 'Mục',
        message: `mục "${cellText(row[0])}" không được hỗ trợ (các mục: ${Object.values(INFO_LABELS).join('; ')})`,
      });
      return;
    }
    if (infoCells.has(key)) {
      issues.push({ ...location, message: `mục "${INFO_LABELS[key]}" bị ghi hai lần` });
      return;
    }
    infoCells.set(key, { cell: row[1], location });
  });
  const infoValue = (key: InfoKey, path: string) => {
    const entry = infoCells.get(key);
    where.set(path, entry?.location ?? { sheet: info.sheet, field: INFO_LABELS[key] });
    return entry === undefined ? undefined : cellValue(entry.cell);
  };
  const infoIssue = (key: InfoKey, message: string) => {
    const entry = infoCells.get(key);
    issues.push({
      ...(entry?.location ?? { sheet: info.sheet, field: INFO_LABELS[key] }),
      message,
    });
  };

  json.name = infoValue('name', 'name');
  json.group = infoValue('group', 'group');
  json.groupLabel = infoValue('groupLabel', 'groupLabel');
  const kindText = String(infoValue('kind', 'kind') ?? '');
  const kindWord = normalizeHeader(kindText);
  const kind =
    kindWord === 'sipas' || kindWord.includes('hai long')
      ? 'sipas'
      : ['dtxhh', 'par', 'dieu tra xa hoi hoc'].includes(kindWord)
        ? 'par'
        : undefined;
  if (kind === undefined) {
    infoIssue(
      'kind',
      kindText === ''
        ? 'thiếu loại phiếu (ĐTXHH hoặc SIPAS)'
        : `loại phiếu "${kindText}" không rõ (ĐTXHH hoặc SIPAS)`,
    );
  }
  json.kind = kind ?? 'par';
  const unitTypeText = String(infoValue('ratedUnitType', 'ratedUnitType') ?? '');
  const ratedUnitType = unitTypeText === '' ? undefined : unitTypeKey(unitTypeText);
  if (unitTypeText !== '' && ratedUnitType === undefined) {
    infoIssue(
      'ratedUnitType',
      `loại đơn vị "${unitTypeText}" không rõ (ví dụ: Sở, ban, ngành; UBND cấp huyện; xã; phường)`,
    );
  }
  json.ratedUnitType = ratedUnitType ?? (unitTypeText === '' ? undefined : unitTypeText);

  if (kind === 'sipas') {
    const sipas: Record<string, unknown> = {};
    const formulaText = String(infoValue('formula', 'sipas.formula') ?? '');
    const formulaWord = normalizeHeader(formulaText);
    if (formulaWord.startsWith('binh quan') || formulaWord === 'meanofelements')
      sipas.formula = 'meanOfElements';
    else if (formulaWord.startsWith('gop') || formulaWord === 'pooled') sipas.formula = 'pooled';
    else if (formulaWord !== '') {
      infoIssue(
        'formula',
        `công thức "${formulaText}" không rõ (${Object.values(FORMULA_LABELS).join(' hoặc ')})`,
      );
    }
    const modeText = String(infoValue('mode', 'sipas.mode') ?? '');
    const modeWord = normalizeHeader(modeText);
    if (modeWord.startsWith('thuong xuyen') || modeWord === 'regular') sipas.mode = 'regular';
    else if (modeWord.startsWith('dot xuat') || modeWord === 'spot') sipas.mode = 'spot';
    else if (modeWord !== '') {
      infoIssue(
        'mode',
        `hình thức "${modeText}" không rõ (${Object.values(MODE_LABELS).join(' hoặc ')})`,
      );
    }
    const target = infoValue('target', 'sipas.target');
    if (target !== undefined) sipas.target = target;
    const leaf = infoCells.get('sipasLeaf');
    where.set('sipas.leafCode', leaf?.location ?? { sheet: info.sheet });
    const leafCode = codeText(leaf?.cell).replace(/\.$/, '');
    if (leafCode !== '') sipas.leafCode = leafCode;
    json.sipas = sipas;
    where.set('sipas', { sheet: info.sheet });
  } else if (kind === 'par') {
    for (const key of SIPAS_INFO) {
      const entry = infoCells.get(key);
      if (entry !== undefined && !isBlank(entry.cell)) {
        issues.push({
          ...entry.location,
          message: 'chỉ ghi cho phiếu SIPAS; phiếu ĐTXHH để trống',
        });
      }
    }
  }

  return json;
}
