import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/** Pages whose first load matters most: the sign-in page and each role's first screen. */
const ROUTES: [label: string, source: string][] = [
  ['/dang-nhap (đăng nhập)', 'src/features/login/login-page.tsx'],
  ['/ (trang chính)', 'src/features/home/home-page.tsx'],
  ['/ket-qua/… (xếp hạng công khai)', 'src/features/results/results-page.tsx'],
  ['/ky-danh-gia/…/don-vi/… (tự đánh giá)', 'src/features/assessment/assessment-page.tsx'],
];

/**
 * The JavaScript a browser downloads to show each route on a first visit: the entry chunk, the
 * route's lazy chunk and everything they import, gzipped as a server would send them.
 */
export function benchWebBundle(): string {
  const manifestPath = join(DIST, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return 'Ứng dụng web chưa được biên dịch (npm run build).';
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) return 'Không tìm thấy điểm vào trong manifest của Vite.';
  const collect = (key: string, seen: Set<string>): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) collect(next, seen);
    return seen;
  };
  const size = (keys: Set<string>) => {
    let gzip = 0;
    for (const key of keys) gzip += gzipSync(readFileSync(join(DIST, manifest[key]!.file))).length;
    return `${(gzip / 1024).toFixed(1).replace('.', ',')} KB`;
  };
  const lines = [
    'JavaScript tải lần đầu (gzip), mục tiêu ≤ 200 KB cho trang đăng nhập và trang chính:',
  ];
  lines.push(`  ${'chỉ phần chung (entry)'.padEnd(42)} ${size(collect(entry, new Set()))}`);
  for (const [label, source] of ROUTES) {
    const keys = collect(entry, new Set());
    collect(source, keys);
    lines.push(`  ${label.padEnd(42)} ${size(keys)}`);
  }
  return lines.join('\n');
}
