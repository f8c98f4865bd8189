// Builds the start bundle (decision 0062): dist/bundle-entry.js and everything it imports, our
// packages and node_modules alike, in one CommonJS file that dist/start.js compiles with V8's
// code cache. `--if-stale` rebuilds only when a compiled file is newer than the bundle, which is
// what `npm start` asks after `tsc -b`.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { START_BUNDLE } from '../paths.js';

const PACKAGES = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('../bundle-entry.js', import.meta.url));

/** Left to Node, each for a reason: the bundle would break them or load them at every start. */
const EXTERNAL = [
  // Finds its WebAssembly and data beside its own module, through import.meta.url.
  '@electric-sql/pglite',
  // Loaded on first use (decisions 0052, 0059): kept out so that the start does not read them.
  '@aws-sdk/client-s3',
  '@node-rs/argon2',
  'docx',
  'exceljs',
  'jszip',
  'nodemailer',
  'openid-client',
  'pg-boss',
  // pg's optional native binding, never installed.
  'pg-native',
];

/**
 * Packages bundled although they find files by `__dirname` (the OpenAPI pages and their logo,
 * swagger's own package.json): there it becomes their folder in node_modules, found when the
 * bundle runs. Left outside, they and their 120 files went through Node's loader at every start.
 */
const DIRNAME_PACKAGES = ['@fastify/swagger-ui', '@fastify/swagger'];

const packageDirname: Plugin = {
  name: 'package-dirname',
  setup(context) {
    context.onLoad(
      { filter: /[\\/]node_modules[\\/]@fastify[\\/]swagger[^\\/]*[\\/].*\.js$/ },
      async (args) => {
        const parts = args.path.split(sep);
        const at = parts.lastIndexOf('node_modules');
        const name = `${parts[at + 1]}/${parts[at + 2]}`;
        if (!DIRNAME_PACKAGES.includes(name)) return undefined;
        const inside = parts.slice(at + 3, -1).join('/');
        const code = await readFile(args.path, 'utf8');
        return {
          contents: code.replace(
            /\b__dirname\b/g,
            `__chisoPackageDir(${JSON.stringify(name)}, ${JSON.stringify(inside)})`,
          ),
          loader: 'js',
        };
      },
    );
  },
};

/**
 * Defined first in the bundle: a bundled package's own folder, resolved where it runs. esbuild
 * puts the banner above its own "use strict", where that directive would no longer be the first
 * statement and the whole bundle would run in sloppy mode: the banner says it first.
 */
const BANNER = `"use strict";
var __chisoBundleUrl = require("node:url").pathToFileURL(__filename).href;
var __chisoPackageDir = (name, inside) => {
  const path = require("node:path");
  let dir = path.dirname(require.resolve(name));
  while (!require("node:fs").existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return path.join(dir, inside);
};`;

/**
 * A script compiled with cached data cannot call import() on Node 20 (its host options are
 * lost with the cache), so the bundle's few dynamic imports of external packages go through a
 * function the loader defines; a dynamic import this does not know stops the build.
 */
function routeDynamicImports(code: string): string {
  let replaced = 0;
  const out = code.replace(/(?<![\w$.])import\("([^"]+)"\)/g, (_call, id: string) => {
    if (!EXTERNAL.includes(id)) throw new Error(`dynamic import of ${id} in the start bundle`);
    replaced++;
    return `__chisoImport(${JSON.stringify(id)})`;
  });
  if (replaced === 0) throw new Error('no dynamic import found: the bundle changed shape');
  return out;
}

/** The newest compiled file, or the lock file: new packages are bundled code too. */
async function newestCompiled(): Promise<number> {
  let newest = await stat(join(PACKAGES, '..', 'package-lock.json')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  for (const name of ['core', 'contract', 'server']) {
    const dist = join(PACKAGES, name, 'dist');
    for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
      newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return newest;
}

async function isStale(): Promise<boolean> {
  const bundled = await stat(START_BUNDLE).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  return bundled < (await newestCompiled());
}

if (!process.argv.includes('--if-stale') || (await isStale())) {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    outfile: START_BUNDLE,
    external: EXTERNAL,
    logLevel: 'warning',
    // Every module's import.meta.url becomes the bundle's own: paths.ts sits at its depth.
    define: { 'import.meta.url': '__chisoBundleUrl' },
    banner: { js: BANNER },
    plugins: [packageDirname],
    charset: 'ascii',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote nothing');
  // esbuild escapes strings and identifiers (charset ascii) but keeps some comments as they
  // are; escaping what is left makes the file pure ASCII for the loader's Latin-1 read.
  const body = routeDynamicImports(output.text).replace(
    /[\u0080-\uffff]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  // The loader names the code cache by this hash instead of hashing 6 MB at every start.
  const code = `// chiso-bundle ${createHash('sha1').update(body).digest('hex')}\n${body}`;
  // Renamed into place: a server starting meanwhile reads the old bundle or the new, never half.
  const partial = `${START_BUNDLE}.${process.pid}.part`;
  await writeFile(partial, code);
  await rename(partial, START_BUNDLE);
  process.stdout.write(`server.bundle.cjs: ${(Buffer.byteLength(code) / 1e6).toFixed(1)} MB\n`);
}
