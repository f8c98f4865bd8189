import { readFileSync, writeSync } from 'node:fs';

/**
 * The floor `chiso results` is measured against: a program that does the least anyone could
 * do with the same request and still write the same unit-level fields. It parses the JSON,
 * sums the points given to each leaf per area and unit in floating point, ranks per group,
 * applies the request's policy and writes compact JSON to standard output. It checks nothing,
 * evaluates no rule (leaves scored from facts count 0) and loads no module of ours, so no
 * real command can be quicker.
 *
 * Usage: node results-floor.js <request.json>
 */

interface RequestNode {
  code: string;
  title: string;
  maxPoints: number | string;
}
interface RequestUnit {
  id: string;
  name: string;
  group?: string;
  type?: string;
  points?: Record<string, number | string>;
  facts?: Record<string, unknown>;
}
interface RequestPrevious {
  id: string;
  percent?: number | string;
  rank?: number;
  areas?: Record<string, number | string>;
}
interface Threshold {
  label: string;
  minPercent: number | string;
  minAreaPercent?: number | string;
}
interface Request {
  framework: { name: string; nodes: RequestNode[] };
  policy: {
    bands: Threshold[];
    headRating: Threshold[];
    flags: { label: string; areaCodes: string[]; belowPercent: number | string }[];
  };
  units: RequestUnit[];
  previous?: RequestPrevious[];
  lineage?: { id: string; from: string[]; primary?: string }[];
}

const number = (value: number | string | undefined): number =>
  typeof value === 'number' ? value : Number(String(value ?? 0).replace(',', '.'));
const round = (value: number) => Math.round(value * 1e6) / 1e6;

const request = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Request;
const { nodes } = request.framework;
const codes = new Set(nodes.map((n) => n.code));
const isParent = new Set(nodes.map((n) => n.code.slice(0, Math.max(0, n.code.lastIndexOf('.')))));
const areas = nodes.filter((n) => !n.code.includes('.'));
const areaIndex = new Map(areas.map((a, i) => [a.code, i]));
const leaves = nodes
  .filter((n) => !isParent.has(n.code) && codes.has(n.code))
  .map((n) => ({
    code: n.code,
    area: areaIndex.get(n.code.split('.')[0] ?? '') ?? 0,
    max: number(n.maxPoints),
  }));
const areaMax = areas.map((_a, i) =>
  leaves.filter((l) => l.area === i).reduce((sum, l) => sum + l.max, 0),
);
const maxPoints = areaMax.reduce((a, b) => a + b, 0);

const previousById = new Map((request.previous ?? []).map((p) => [p.id, p]));
const lineageOf = new Map((request.lineage ?? []).map((l) => [l.id, l]));

interface Row {
  unit: RequestUnit;
  points: number[];
  percent: number;
  areaPercents: (number | null)[];
  missing: string[];
  rank: number;
  areaRanks: number[];
  groupSize: number;
}

const rows: Row[] = request.units.map((unit) => {
  const points = areas.map(() => 0);
  const missing: string[] = [];
  for (const leaf of leaves) {
    const given = unit.points?.[leaf.code];
    if (given !== undefined) points[leaf.area] = (points[leaf.area] ?? 0) + number(given);
    else if (unit.facts?.[leaf.code] === undefined) missing.push(leaf.code);
  }
  const total = points.reduce((a, b) => a + b, 0);
  return {
    unit,
    points,
    percent: (100 * total) / maxPoints,
    areaPercents: points.map((p, i) =>
      (areaMax[i] ?? 0) > 0 ? (100 * p) / (areaMax[i] ?? 1) : null,
    ),
    missing,
    rank: 0,
    areaRanks: [],
    groupSize: 0,
  };
});

/** Competition ranks ("1224") of `value` among `members`, highest first. */
function rank(members: Row[], value: (row: Row) => number, set: (row: Row, rank: number) => void) {
  const sorted = [...members].sort((a, b) => value(b) - value(a));
  let last = 0;
  sorted.forEach((row, i) => {
    const before = sorted[i - 1];
    if (!before || value(before) !== value(row)) last = i + 1;
    set(row, last);
  });
}

const groups = new Map<string, Row[]>();
for (const row of rows) {
  const key = row.unit.group ?? '';
  const members = groups.get(key);
  if (members) members.push(row);
  else groups.set(key, [row]);
}
for (const members of groups.values()) {
  for (const row of members) row.groupSize = members.length;
  rank(
    members,
    (r) => r.percent,
    (r, n) => (r.rank = n),
  );
  areas.forEach((_a, i) =>
    rank(
      members,
      (r) => r.areaPercents[i] ?? -1,
      (r, n) => (r.areaRanks[i] = n),
    ),
  );
}

const { bands, headRating, flags } = request.policy;
function rating(row: Row) {
  const lowest = Math.min(...row.areaPercents.filter((p): p is number => p !== null));
  const met = headRating.find(
    (l) => row.percent >= number(l.minPercent) && lowest >= number(l.minAreaPercent),
  );
  const byTotal = headRating.find((l) => row.percent >= number(l.minPercent));
  const label = (met ?? headRating[headRating.length - 1])?.label ?? null;
  const below = areas
    .filter((_a, i) => (row.areaPercents[i] ?? 100) < number(byTotal?.minAreaPercent))
    .map((a) => a.code);
  const note =
    byTotal && byTotal.label !== label
      ? `Chỉ số đủ mức "${byTotal.label}" nhưng lĩnh vực ${below.join(', ')} dưới ${number(byTotal.minAreaPercent)}%`
      : null;
  return { label, note };
}

function unitJson(row: Row): string {
  const { unit } = row;
  const link = lineageOf.get(unit.id);
  const previousId = link
    ? (link.primary ?? link.from.find((id) => previousById.has(id)))
    : previousById.has(unit.id)
      ? unit.id
      : undefined;
  const previous = previousId === undefined ? undefined : previousById.get(previousId);
  const previousPercent = previous?.percent === undefined ? null : number(previous.percent);
  const raised = flags.flatMap((flag) => {
    const below = flag.areaCodes.filter((code) => {
      const percent = row.areaPercents[areaIndex.get(code) ?? -1];
      return percent !== undefined && percent !== null && percent < number(flag.belowPercent);
    });
    return below.length > 0 ? [{ label: flag.label, areaCodes: below }] : [];
  });
  const { label, note } = rating(row);
  return JSON.stringify({
    id: unit.id,
    name: unit.name,
    group: unit.group ?? null,
    type: unit.type ?? null,
    points: round(row.points.reduce((a, b) => a + b, 0)),
    maxPoints,
    percent: round(row.percent),
    rank: row.rank,
    groupSize: row.groupSize,
    band: bands.find((b) => row.percent >= number(b.minPercent))?.label ?? null,
    previousId: previousId ?? null,
    previousRank: previous?.rank ?? null,
    previousPercent,
    rankChange: previous?.rank === undefined ? null : previous.rank - row.rank,
    percentChange: previousPercent === null ? null : round(row.percent - previousPercent),
    headRating: label,
    headRatingNote: note,
    flags: raised.map((f) => f.label),
    flagDetails: raised,
    missing: row.missing,
    areas: areas.map((area, i) => {
      const percent = row.areaPercents[i] ?? null;
      const before = previous?.areas?.[area.code];
      return {
        code: area.code,
        title: area.title,
        points: round(row.points[i] ?? 0),
        maxPoints: areaMax[i] ?? 0,
        applicable: true,
        percent: percent === null ? null : round(percent),
        rank: row.areaRanks[i] ?? null,
        previousPercent: before === undefined ? null : number(before),
        percentChange:
          before === undefined || percent === null ? null : round(percent - number(before)),
      };
    }),
  });
}

const collator = new Intl.Collator('vi');
rows.sort(
  (a, b) =>
    collator.compare(a.unit.group ?? '', b.unit.group ?? '') ||
    a.rank - b.rank ||
    (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0),
);

// Written in pieces of about a megabyte, as the command does.
let chunk = `{"framework":${JSON.stringify({ name: request.framework.name, maxPoints })},"units":[`;
rows.forEach((row, i) => {
  chunk += (i === 0 ? '' : ',') + unitJson(row);
  if (chunk.length > 1 << 20) {
    writeSync(1, chunk);
    chunk = '';
  }
});
writeSync(1, `${chunk}]}\n`);
