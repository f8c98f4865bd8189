import { resultsGroupResponse, unitResultResponse } from '@chiso/contract';
import { computeResults, DEFAULT_POLICY, presentResults } from '@chiso/core';
import { measure, type Figure } from './measure.js';
import { benchFramework, benchUnits } from './results-world.js';

const UNITS = 1000;

const megabytes = (value: unknown) =>
  (Buffer.byteLength(JSON.stringify(value)) / 1024 / 1024).toFixed(1).replace('.', ',');

/**
 * What checking answers against their contract costs (decision 0015), on the two heavy answers:
 * a period's results with every node of every unit, and one unit's result as the assessment
 * page gets it (twice: self-assessed and appraised). Production only serialises
 * (JSON.stringify); tests serialise, parse back and validate with the route's zod schema.
 */
export function benchContract(): Figure[] {
  const framework = benchFramework();
  const { units, previous, lineage } = benchUnits(framework, UNITS);
  const results = presentResults(
    framework,
    computeResults({ framework, policy: DEFAULT_POLICY, units, previous, lineage }),
  );
  const unit = results.units[0];
  if (!unit) throw new Error('no unit in the bench results');
  const figures: Figure[] = [];
  const pair = (
    name: string,
    runs: number,
    value: unknown,
    schema: { safeParse: (json: unknown) => { success: boolean } },
  ) => {
    figures.push(
      measure(`${name}: chỉ JSON.stringify (khi chạy thật)`, runs, () => {
        JSON.stringify(value);
      }),
      measure(`${name}: kèm kiểm tra theo hợp đồng (khi kiểm thử)`, runs, () => {
        if (!schema.safeParse(JSON.parse(JSON.stringify(value))).success) {
          throw new Error(`${name} breaks its contract`);
        }
      }),
    );
  };
  pair(
    `Kết quả ${UNITS.toLocaleString('vi-VN')} đơn vị, mọi tiêu chí (${megabytes(results)} MB JSON)`,
    5,
    results,
    resultsGroupResponse.shape.results,
  );
  pair(
    `Kết quả một đơn vị như trang tự đánh giá (${framework.nodes.length} mục)`,
    500,
    unit,
    unitResultResponse,
  );
  return figures;
}
