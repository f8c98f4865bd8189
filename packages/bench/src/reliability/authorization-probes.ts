import { randomUUID } from 'node:crypto';
import type { RouteOptions } from 'fastify';
import {
  buildProbeWorld,
  FRAMEWORK_CSV,
  multipartBody,
  PDF,
  WHO,
  type ProbeWorld,
  type Who,
} from './probe-world.js';

export interface Probes {
  routes: number;
  probes: number;
  /** Probes that got past the route's schema (not 400), so that authorization decided them. */
  decided: number;
  leaks: number;
  /** Another unit's things answered 2xx to the administrator or the council: the ids are real. */
  otherLetThrough: number;
  /** Sessions a probe ended (sign-out, a changed account) and that were signed in again. */
  sessionsRestored: number;
  examples: string[];
}

/** Routes anyone may call without an account (the authorization test's anonymous column). */
const PUBLIC = [
  /^GET \/healthz$/,
  /^GET \/\*$/,
  /^GET \/api\/(docs|openapi)/,
  /^GET \/api\/unit-types$/,
  /^GET \/api\/published-periods$/,
  /^GET \/api\/auth\/session$/,
  /^POST \/api\/auth\/(login|logout)$/,
  // Whether OpenID Connect sign-in is on, and its button's label: the sign-in page asks first.
  /^GET \/api\/auth\/oidc$/,
  /^(GET|PUT|POST) \/api\/public\//,
];
/** One's own session and notifications: every account may change them. */
const OWN = [/ \/api\/auth\//, / \/api\/notifications/];
/** The roles whose reach covers another unit of the province (the matrix's "other" column). */
const REACHES_OTHER: readonly Who[] = ['administrator', 'councilMember'];

type Target = 'SNV' | 'SYT';

/** A plausible value for a path parameter, from the segment before it. */
function paramValue(w: ProbeWorld, before: string, name: string, target: Target): string {
  const unitBound: Record<string, string> = {
    unitId: target,
    evidenceId: w.ids[`evidence:${target}`] ?? '',
    taskId: w.ids[`task:${target}`] ?? '',
    snapshotId: w.ids[`snapshot:${target}`] ?? '',
    officeId: w.ids[`office:${target}`] ?? '',
  };
  if (name in unitBound) return unitBound[name] ?? '';
  if (name === 'periodId' || name === 'frameworkId')
    return (name === 'periodId' ? w.ids.period : w.ids.framework) ?? '';
  if (name === 'code') return '1.3';
  if (name === 'group') return 'so';
  if (name === 'token') return 'khong-co-ma-nay';
  if (name !== 'id') return randomUUID();
  const byResource: Record<string, string | undefined> = {
    units: target,
    periods: w.ids.period,
    frameworks: w.ids.framework,
    users: w.ids[`user:${target}`],
    tasks: w.ids[`task:${target}`],
    'api-tokens': w.ids.apiToken,
  };
  return byResource[before] ?? randomUUID();
}

const UNIT_BOUND = /:(unitId|evidenceId|taskId|snapshotId|officeId)\b|\/(units|users|tasks)\/:id\b/;

/** Fills a route's path; undefined when it has no unit-bound part and `target` is the other. */
function fill(w: ProbeWorld, url: string, target: Target): string | undefined {
  if (target === 'SYT' && !UNIT_BOUND.test(url)) return undefined;
  const parts = url.split('/');
  return parts
    .map((part, i) => {
      if (part === '*') return 'index.html';
      if (!part.startsWith(':')) return part;
      return encodeURIComponent(paramValue(w, parts[i - 1] ?? '', part.slice(1), target));
    })
    .join('/');
}

interface ZodLike {
  _zod?: { def: Record<string, unknown> & { type: string } };
}

/** A value the route's zod schema would likely accept: required fields, first choices. */
function sample(schema: unknown, depth = 0): unknown {
  const def = (schema as ZodLike)?._zod?.def;
  if (!def || depth > 8) return undefined;
  switch (def.type) {
    case 'object': {
      const shape = (def.shape ?? {}) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const value = sample(field, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'string':
      return def.format === 'uuid' ? randomUUID() : 'Thử nghiệm phân quyền';
    case 'number':
    case 'int':
      return 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values((def.entries ?? {}) as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array':
      return [];
    case 'record':
      return {};
    case 'nullable':
      return null;
    case 'optional':
      return undefined;
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return sample(def.innerType, depth + 1);
    case 'pipe':
      return sample(def.in, depth + 1);
    case 'union':
      return sample((def.options as unknown[])[0], depth + 1);
    default:
      return undefined;
  }
}

const methodsOf = (route: RouteOptions) =>
  (Array.isArray(route.method) ? route.method : [route.method]).filter(
    (m) => m !== 'HEAD' && m !== 'OPTIONS',
  );

/**
 * Every route of the app × every role (and no account) × the own unit (SNV) and, where the
 * path names a unit's thing, the other unit (SYT). A leak is an answer the authorization
 * matrix forbids: 2xx without an account outside the public routes; 2xx for another unit's
 * thing to a role whose reach is its own unit (all but the administrator and the council);
 * 2xx to the read-only viewer on a change outside its own session; or a 401/403 carrying
 * anything but the error.
 */
export async function authorizationProbes(): Promise<Probes> {
  const w = await buildProbeWorld();
  const figures: Probes = {
    routes: 0,
    probes: 0,
    decided: 0,
    leaks: 0,
    otherLetThrough: 0,
    sessionsRestored: 0,
    examples: [],
  };
  try {
    const routes = w.routes.flatMap((r) => methodsOf(r).map((m) => ({ method: m, route: r })));
    figures.routes = routes.length;
    for (const { method, route } of routes) {
      const key = `${method} ${route.url}`;
      const isPublic = PUBLIC.some((p) => p.test(key));
      const isOwn = OWN.some((p) => p.test(key));
      const schema = (route.schema ?? {}) as { body?: unknown; consumes?: string[] };
      const isUpload = schema.consumes?.includes('multipart/form-data') === true;
      for (const target of ['SNV', 'SYT'] as const) {
        const url = fill(w, route.url, target);
        if (url === undefined) continue;
        for (const who of WHO) {
          const session = who === 'anonymous' ? undefined : w.sessions[who];
          const file = isUpload
            ? route.url.includes('evidence')
              ? multipartBody('tai-lieu.pdf', PDF)
              : multipartBody('bang.csv', FRAMEWORK_CSV)
            : undefined;
          const body = file ? undefined : method === 'GET' ? undefined : sample(schema.body);
          const r = await w.inject({
            method,
            url,
            headers: {
              ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
              ...(file?.headers ?? {}),
            },
            ...(file
              ? { payload: file.payload }
              : body === undefined
                ? {}
                : { payload: body as object }),
          });
          figures.probes++;
          if (r.statusCode !== 400) figures.decided++;
          const ok = r.statusCode >= 200 && r.statusCode < 300;
          if (ok && target === 'SYT' && REACHES_OTHER.includes(who)) figures.otherLetThrough++;
          let leak: string | undefined;
          if (ok && who === 'anonymous' && !isPublic) leak = 'no account';
          else if (ok && target === 'SYT' && who !== 'anonymous' && !REACHES_OTHER.includes(who))
            leak = "another unit's";
          else if (ok && who === 'viewer' && method !== 'GET' && !isOwn) leak = 'viewer changed';
          else if ((r.statusCode === 401 || r.statusCode === 403) && !isRefusalOnly(r.body))
            leak = 'refusal with data';
          if (leak) {
            figures.leaks++;
            if (figures.examples.length < 10)
              figures.examples.push(`${leak}: ${who} ${method} ${url} → ${r.statusCode}`);
          }
          // A change made may have ended the session or altered the account that probes next.
          if (method !== 'GET' && who !== 'anonymous')
            figures.sessionsRestored += await w.restore();
        }
      }
    }
  } finally {
    await w.close();
  }
  return figures;
}

function isRefusalOnly(body: string): boolean {
  try {
    return Object.keys(JSON.parse(body) as object).join() === 'error';
  } catch {
    return false;
  }
}
