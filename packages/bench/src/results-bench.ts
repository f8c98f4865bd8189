import { computeResults, DEFAULT_POLICY, Decimal, scoreUnit } from '@chiso/core';
import { measure, type Figure } from './measure.js';
import { benchFramework, benchUnits } from './results-world.js';

export function benchResults(): Figure[] {
  const framework = benchFramework();
  const { units, previous, lineage } = benchUnits(framework, 4000);
  const input = { framework, policy: DEFAULT_POLICY, units, previous, lineage };
  const figures: Figure[] = [];

  figures.push(
    measure(
      `Kết quả 4.000 đơn vị × ${framework.leaves.length} tiêu chí (xếp hạng, nhóm, so với kỳ trước)`,
      5,
      () => {
        const results = computeResults(input);
        if (results.units.length !== 4000) throw new Error('wrong result count');
      },
      { target: { milliseconds: 1000, megabytes: 500 } },
    ),
  );

  const unit = units[123]!;
  const leaf = framework.leaves.find((l) => unit.points.has(l.code))!;
  let toggle = 0;
  figures.push(
    measure(
      'Tính lại một đơn vị sau khi đổi điểm một tiêu chí',
      2000,
      () => {
        toggle = 1 - toggle;
        const points = new Map(unit.points);
        points.set(leaf.code, Decimal.of(toggle === 0 ? '0.5' : '0.75'));
        scoreUnit(framework, { ...unit, points });
      },
      { target: { milliseconds: 5 } },
    ),
  );
  return figures;
}
