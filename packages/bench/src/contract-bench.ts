import { resultsGroupResponse } from '@chiso/contract';
import { computeResults, DEFAULT_POLICY, presentResults } from '@chiso/core';
import { measure, type Figure } from './measure.js';
import { benchFramework, benchUnits } from './results-world.js';

/**
 * What checking answers against their contract costs (decision 0015): a period's results for
 * 4,000 units with every node, serialised as production does (JSON.stringify), and as tests do
 * (serialised, parsed back, validated by the route's zod schema).
 */
export function benchContract(): Figure[] {
  const framework = benchFramework();
  const { units, previous, lineage } = benchUnits(framework, 4000);
  const json = presentResults(
    framework,
    computeResults({ framework, policy: DEFAULT_POLICY, units, previous, lineage }),
  );
  const schema = resultsGroupResponse.shape.results;
  const size = Buffer.byteLength(JSON.stringify(json));
  const label = `Trả kết quả 4.000 đơn vị (${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB JSON)`;
  return [
    measure(`${label}: chỉ JSON.stringify (khi chạy thật)`, 10, () => {
      JSON.stringify(json);
    }),
    measure(`${label}: kèm kiểm tra theo hợp đồng (khi kiểm thử)`, 5, () => {
      const result = schema.safeParse(JSON.parse(JSON.stringify(json)));
      if (!result.success) throw new Error('the results break their contract');
    }),
  ];
}
