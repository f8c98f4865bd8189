import { describe, expect, it } from 'vitest';
import { computeResults } from '../results/compute-results.js';
import { counted, growth, newCounter } from '../test-support/counting.js';
import { reportProvinceRequest } from '../test-support/report-province.js';
import { buildReportView } from './build-report.js';
import { appendixCells } from './report-appendix.js';
import { parseReportRequest } from './report-request.js';

interface UnitJson {
  id: string;
  name: string;
  [key: string]: unknown;
}

/** The fixture province with each of its units copied to make `n` (ids and names told apart). */
function provinceOf(n: number) {
  const json = reportProvinceRequest() as { units: UnitJson[]; previous: { id: string }[] };
  const base = json.units;
  const units = Array.from({ length: n }, (_, i): UnitJson => {
    const unit = base[i % base.length]!;
    return { ...unit, id: `${unit.id}-${i}`, name: `${unit.name} ${i}` };
  });
  const previous = units.map((u, i) => ({ ...json.previous[i % base.length], id: u.id }));
  return parseReportRequest({ ...json, units, previous });
}

describe('the results report of many units: twice the units, about twice the work', () => {
  it('groups, bands, rates, lists rank changes and reviews reading each result a bounded number of times', () => {
    const work = (n: number) => {
      const request = provinceOf(n);
      const results = computeResults(request.results);
      const counter = newCounter();
      const view = buildReportView(request, counted(results, counter), '2026-03-01');
      let tables = 0;
      for (const table of view.appendix.tables()) {
        for (const line of table.lines) appendixCells(line, view.appendix.withSelfAssessed);
        tables++;
      }
      expect(tables).toBe(n);
      return counter.reads;
    };
    expect(growth(work, 600)).toBeLessThanOrEqual(2.2);
  }, 60_000);
});
