import { create } from 'qrcode';
import { useMemo } from 'react';

/** Modules of quiet zone around the symbol, as the QR standard asks. */
const MARGIN = 4;

/**
 * A QR code drawn as one SVG path: sharp at any print size, no canvas, nothing fetched. The
 * label says in words what the code holds, for those who cannot scan it.
 */
export function QrCode({
  value,
  size = 128,
  label,
}: {
  value: string;
  size?: number;
  label: string;
}) {
  const { path, side } = useMemo(() => {
    const modules = create(value, { errorCorrectionLevel: 'M' }).modules;
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) d += `M${col + MARGIN} ${row + MARGIN}h1v1h-1z`;
      }
    }
    return { path: d, side: modules.size + MARGIN * 2 };
  }, [value]);
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      style={{ display: 'block' }}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
