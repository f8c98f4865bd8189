import { fileURLToPath } from 'node:url';

// Every folder the server finds beside its own code, resolved from this one file at the top of
// src/ (dist/ once compiled). The start bundle (decision 0062) lives at the same depth, so these
// resolve the same whether the server runs from dist/*.js or from dist/server.bundle.cjs.
const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** The built web app, next to the server in the repository (packages/web/dist). */
export const WEB_ROOT = here('../../web/dist/');
/** The committed migrations (packages/server/drizzle). */
export const MIGRATIONS_FOLDER = here('../drizzle');
/** Migrated PGlite clusters made at build time (decision 0049). */
export const PGLITE_TEMPLATES = here('./pglite-template/');
/** The server package's manifest, for its version. */
export const SERVER_PACKAGE_JSON = here('../package.json');
/** Where this code is: what resolves the packages it loads (PGlite's version). */
export const CODE_URL = import.meta.url;
/** The start bundle: the server and what it loads at start, in one file (decision 0062). */
export const START_BUNDLE = here('./server.bundle.cjs');
