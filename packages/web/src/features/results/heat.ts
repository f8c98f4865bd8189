/** Colours of a % in heat maps and bars: the same scale everywhere, with a legend. */
export const HEAT_SCALE = [
  { min: 90, color: 'var(--mantine-color-green-3)', label: 'từ 90%' },
  { min: 80, color: 'var(--mantine-color-lime-2)', label: '80–90%' },
  { min: 70, color: 'var(--mantine-color-yellow-2)', label: '70–80%' },
  { min: 50, color: 'var(--mantine-color-orange-2)', label: '50–70%' },
  { min: 0, color: 'var(--mantine-color-red-3)', label: 'dưới 50%' },
];

export function heatColor(percent: number | null | undefined): string | undefined {
  if (percent === null || percent === undefined) return undefined;
  return HEAT_SCALE.find((s) => percent >= s.min)?.color;
}
