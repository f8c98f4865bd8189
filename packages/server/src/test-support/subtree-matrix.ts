import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, multipart } from './test-app.js';
import {
  buildSubtreeWorld,
  PLACES,
  ROLE_PREFIX,
  SECRETARIATS,
  type Place,
  type Secretariat,
  type SubtreeWorld,
} from './subtree-world.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** One route of the subtree matrix: tried by H1's four secretariat roles on H1's, H2's, the province's. */
export interface SubtreeCase {
  /** The route as the app registers it, method first: "GET /api/periods/:id". */
  route: `${Method} /api/${string}`;
  /** Told apart when a route is tried more than once. */
  label?: string;
  url: (w: SubtreeWorld, place: Place) => string;
  body?: (w: SubtreeWorld, place: Place) => unknown;
  file?: { name: string; content: Buffer | string };
  /**
   * The roles of H1's secretariat let through on H1's own thing; the others are refused there,
   * and all four on H2's and the province's. The province's administrator is let through on
   * both districts' things whenever H1's administrator is on its own.
   */
  allowed: readonly Secretariat[];
}

export const A: readonly Secretariat[] = ['administrator'];
export const AC: readonly Secretariat[] = ['administrator', 'councilMember'];
export const APC: readonly Secretariat[] = ['administrator', 'appraiser', 'councilMember'];
export const NONE: readonly Secretariat[] = [];

async function attempt(w: SubtreeWorld, c: SubtreeCase, place: Place, as: string) {
  const [method] = c.route.split(' ') as [Method];
  const file = c.file && multipart(c.file.name, c.file.content);
  return w.t.request(method, c.url(w, place), {
    as: as === 'province' ? w.province : w.as[as]!,
    ...(file
      ? { payload: file.payload, headers: file.headers }
      : c.body
        ? { body: c.body(w, place) }
        : {}),
  });
}

/** Every case × H1's four secretariat roles × the three places, then the province on both districts. */
export function describeSubtreeMatrix(title: string, cases: readonly SubtreeCase[]): void {
  describe.each(DATABASE_KINDS)(`subtree matrix: ${title} (%s)`, (kind) => {
    let w: SubtreeWorld;
    beforeAll(async () => {
      w = await buildSubtreeWorld(kind);
    }, 120_000);
    afterAll(async () => w?.t.close());

    for (const c of cases) {
      const name = `${c.route}${c.label ? ` (${c.label})` : ''}: ${c.allowed.join(', ') || 'no secretariat role'} of H1 on H1's only`;
      it(name, async () => {
        const wrong: string[] = [];
        for (const role of SECRETARIATS) {
          for (const place of PLACES) {
            const r = await attempt(w, c, place, `${ROLE_PREFIX[role]}.h1`);
            const letThrough = place === 'H1' && c.allowed.includes(role);
            const refused = r.status === 403;
            if (
              letThrough === refused ||
              (refused && Object.keys(r.body as object).join() !== 'error')
            )
              wrong.push(
                `${role} on ${place}'s: ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`,
              );
          }
        }
        if (c.allowed.includes('administrator')) {
          for (const place of ['H1', 'H2'] as const) {
            const r = await attempt(w, c, place, 'province');
            if (r.status === 403 || r.status === 401)
              wrong.push(
                `the province's administrator on ${place}'s: ${r.status} ${JSON.stringify(r.body)}`,
              );
          }
        }
        expect(wrong, wrong.join('\n')).toEqual([]);
      });
    }
  });
}
