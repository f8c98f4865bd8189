import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/** The sign-in page's target: HTML, JavaScript and CSS as sent with br (issue 14, item 4). */
const SIGN_IN_TARGET_KB = 200;

/** Pages whose first load matters most: the sign-in page and each role's first screen. */
const ROUTES: [label: string, source: string][] = [
  ['/dang-nhap (đăng nhập)', 'src/features/login/login-page.tsx'],
  ['/ (trang chính)', 'src/features/home/home-page.tsx'],
  ['/ket-qua/… (xếp hạng công khai)', 'src/features/results/results-page.tsx'],
  ['/ky-danh-gia/…/don-vi/… (tự đánh giá)', 'src/features/assessment/assessment-page.tsx'],
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;

/** What the server sends for a built file with br: its .br copy, made by the build. */
function brotliBytes(file: string): number {
  const path = join(DIST, file);
  if (existsSync(`${path}.br`)) return readFileSync(`${path}.br`).length;
  // Below the precompress threshold the file goes as it is; a missing copy is measured at q11.
  const raw = readFileSync(path);
  return raw.length < 1024 ? raw.length : brotliCompressSync(raw).length;
}

/**
 * What a browser downloads to show each route on a first visit: index.html, the entry chunk,
 * the route's lazy chunk and everything they import, with their CSS; raw, gzip and br as sent.
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
  const filesOf = (keys: Set<string>) => {
    const files = new Set(['index.html']);
    for (const key of keys) {
      files.add(manifest[key]!.file);
      for (const css of manifest[key]!.css ?? []) files.add(css);
    }
    return files;
  };
  const sizes = (keys: Set<string>) => {
    let raw = 0;
    let gzip = 0;
    let br = 0;
    for (const file of filesOf(keys)) {
      const bytes = readFileSync(join(DIST, file));
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
      br += brotliBytes(file);
    }
    return { raw, gzip, br };
  };
  const lines = [
    `Tải lần đầu (HTML + JavaScript + CSS): thô · gzip · br như máy chủ gửi; mục tiêu trang đăng nhập br ≤ ${SIGN_IN_TARGET_KB} KB:`,
  ];
  const line = (label: string, keys: Set<string>, target?: number) => {
    const s = sizes(keys);
    const verdict = target === undefined ? '' : s.br <= target * 1024 ? '  đạt' : '  CHƯA ĐẠT';
    lines.push(
      `  ${label.padEnd(42)} ${kb(s.raw).padStart(10)} · ${kb(s.gzip).padStart(9)} · ${kb(s.br).padStart(9)}  (br/thô ${(s.br / s.raw).toFixed(2).replace('.', ',')})${verdict}`,
    );
  };
  line('chỉ phần chung (entry)', collect(entry, new Set()));
  for (const [label, source] of ROUTES) {
    const keys = collect(entry, new Set());
    collect(source, keys);
    line(label, keys, source.includes('login') ? SIGN_IN_TARGET_KB : undefined);
  }
  return lines.join('\n');
}
