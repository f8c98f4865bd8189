import { resolve } from 'node:path';
import { DomainError, ERROR_CODES, passwordProblems, toIssues } from '@chiso/core';
import { z } from 'zod';
import { parseTrustedProxies } from './http/trusted-proxies.js';
import {
  checkOidcEnvironment,
  oidcConfig,
  oidcEnvironment,
  type OidcConfig,
} from './oidc/oidc-config.js';

/** Evidence on S3-compatible object storage (AWS S3, MinIO, Ceph, …), decision 0040. */
export interface ObjectStorageConfig {
  bucket: string;
  /** For a store other than AWS (http(s)://host:port); undefined: AWS's own for the region. */
  endpoint: string | undefined;
  region: string;
  /** From CHISO_S3_ACCESS_KEY_ID/CHISO_S3_SECRET_ACCESS_KEY; undefined: the SDK's usual chain. */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Bucket in the path (http://host/bucket/key), as MinIO and most self-hosted stores want. */
  forcePathStyle: boolean;
  /** Put before every key: "" or ending in "/" ("chiso/"). */
  prefix: string;
}

/** How the server runs, from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Embedded database and evidence files live here when no DATABASE_URL is given. */
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * The database owner, who runs the migrations (and installs pg-boss's schema) before the
   * server connects as DATABASE_URL's role, which cannot alter or empty audit_log (0038).
   */
  migrationDatabaseUrl: string | undefined;
  /**
   * Whether hot statements (the session read) are prepared by name on each PostgreSQL
   * connection; off behind a PgBouncer in transaction mode older than 1.21 (decision 0050).
   */
  preparedStatements: boolean;
  /** The assessment page's answers kept per process, checked on every request (0051). */
  assessmentCache: boolean;
  maxUploadBytes: number;
  sessionHours: number;
  /** The first administrator, created on first start when no administrator exists. */
  initialAdmin: { username: string; password: string; fullName: string } | undefined;
  logLevel: string;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, range names),
   * or false: the client address is the connection's (decision 0031).
   */
  trustProxy: string[] | false;
  /** How long the server waits for slow clients, and how many it holds at once (decision 0031). */
  connections: {
    /** The whole request, headers and body, must arrive within this. */
    requestTimeoutMs: number;
    /** A socket with nothing sent or received for this long is closed. */
    idleTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxConnections: number;
    /** 0: no limit. */
    maxRequestsPerSocket: number;
  };
  /**
   * Check every JSON answer against its route's contract and refuse (500) one that breaks it.
   * Tests and browser tests turn it on; production only serialises (decision 0015).
   */
  validateResponses: boolean;
  /** E-mail over SMTP: off (undefined) unless CHISO_SMTP_URL is set. */
  mail: { smtpUrl: string; from: string } | undefined;
  /** The address people open the app at, for links in e-mails. */
  publicUrl: string;
  /**
   * Who publishes the results, as the open-data attribution names it ("UBND tỉnh Hòa An");
   * without it the attribution names the period and its decision only (decision 0022).
   */
  issuer: string | undefined;
  /** Which job queue runs: pg-boss on PostgreSQL unless "local" is asked (decision 0017). */
  jobsEngine: 'local' | 'pg-boss';
  /** Evidence in a bucket when CHISO_S3_BUCKET is set; otherwise in CHISO_DATA_DIR/evidence. */
  objectStorage: ObjectStorageConfig | undefined;
  /** Sign-in through the province's OpenID Connect provider; off (undefined) unless configured (0037). */
  oidc: OidcConfig | undefined;
}

/** A duration in seconds (fractions allowed, for tests). */
const seconds = z.coerce.number().positive().max(3600);

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    CHISO_DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().url().optional(),
    CHISO_MIGRATION_DATABASE_URL: z.string().url().optional(),
    CHISO_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
    CHISO_ASSESSMENT_CACHE: z.enum(['on', 'off']).default('on'),
    CHISO_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(50),
    CHISO_SESSION_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    CHISO_ADMIN_USERNAME: z.string().min(1).optional(),
    CHISO_ADMIN_PASSWORD: z.string().min(10, 'mật khẩu quản trị cần ít nhất 10 ký tự').optional(),
    CHISO_ADMIN_NAME: z.string().default('Quản trị hệ thống'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    CHISO_TRUST_PROXY: z
      .string()
      .default('0')
      .superRefine((value, context) => {
        const parsed = parseTrustedProxies(value);
        if ('badEntry' in parsed)
          context.addIssue({
            code: 'custom',
            message: `"${parsed.badEntry}" không phải địa chỉ IP, dải CIDR hay loopback/linklocal/uniquelocal (not an IP address, CIDR range or range name)`,
          });
      }),
    CHISO_REQUEST_TIMEOUT_S: seconds.default(120),
    CHISO_IDLE_TIMEOUT_S: seconds.default(60),
    CHISO_KEEP_ALIVE_S: seconds.default(72),
    CHISO_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    CHISO_MAX_REQUESTS_PER_SOCKET: z.coerce.number().int().min(0).max(1_000_000).default(1000),
    CHISO_VALIDATE_RESPONSES: z.enum(['0', '1']).default('0'),
    CHISO_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/]+/, 'dạng smtp://người-dùng:mật-khẩu@máy-chủ:587 hoặc smtps://…')
      .optional(),
    CHISO_MAIL_FROM: z.string().min(3).default('chiso <khong-tra-loi@localhost>'),
    CHISO_PUBLIC_URL: z.string().url().optional(),
    CHISO_ISSUER: z.string().trim().min(1).max(200).optional(),
    CHISO_JOBS: z.enum(['auto', 'local']).default('auto'),
    CHISO_S3_BUCKET: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'tên bucket gồm 3–63 chữ thường, chữ số, dấu chấm hoặc gạch ngang (a bucket name)',
      )
      .optional(),
    CHISO_S3_ENDPOINT: z
      .string()
      .regex(/^https?:\/\/[^/\s]+\/?$/, 'dạng http(s)://máy-chủ:cổng, không có đường dẫn')
      .optional(),
    CHISO_S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, 'dạng ap-southeast-1 (chữ thường, chữ số, gạch ngang)')
      .optional(),
    CHISO_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    CHISO_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    CHISO_S3_FORCE_PATH_STYLE: z.enum(['0', '1'], 'chỉ nhận 0 hoặc 1').optional(),
    CHISO_S3_PREFIX: z
      .string()
      .max(200)
      .regex(
        /^(?!\/)[A-Za-z0-9._\-/]*$/,
        'chỉ chữ, số, ". _ - /" và không bắt đầu bằng "/" (chiso/ hoặc tinh-hoa-an/minh-chung/)',
      )
      .optional(),
    ...oidcEnvironment,
  })
  .superRefine(checkOidcEnvironment);

const S3_VARIABLES = [
  'CHISO_S3_ENDPOINT',
  'CHISO_S3_REGION',
  'CHISO_S3_ACCESS_KEY_ID',
  'CHISO_S3_SECRET_ACCESS_KEY',
  'CHISO_S3_FORCE_PATH_STYLE',
  'CHISO_S3_PREFIX',
] as const;

/** Settings that only make sense together: named by the variable that is missing. */
const checked = schema.superRefine((e, context) => {
  const given = S3_VARIABLES.filter((name) => e[name] !== undefined);
  if (e.CHISO_S3_BUCKET === undefined && given.length > 0) {
    context.addIssue({
      code: 'custom',
      path: ['CHISO_S3_BUCKET'],
      message: `cần tên bucket khi đặt ${given.join(', ')} (lưu tài liệu kiểm chứng trên S3)`,
    });
  }
  const [id, secret] = ['CHISO_S3_ACCESS_KEY_ID', 'CHISO_S3_SECRET_ACCESS_KEY'] as const;
  for (const [name, other] of [
    [id, secret],
    [secret, id],
  ] as const) {
    if (e[name] === undefined && e[other] !== undefined) {
      context.addIssue({ code: 'custom', path: [name], message: `cần đặt cùng với ${other}` });
    }
  }
});

function objectStorage(e: z.output<typeof schema>): ObjectStorageConfig | undefined {
  if (e.CHISO_S3_BUCKET === undefined) return undefined;
  const prefix = e.CHISO_S3_PREFIX ?? '';
  const endpoint = e.CHISO_S3_ENDPOINT?.replace(/\/+$/, '');
  return {
    bucket: e.CHISO_S3_BUCKET,
    endpoint,
    region: e.CHISO_S3_REGION ?? 'us-east-1',
    credentials:
      e.CHISO_S3_ACCESS_KEY_ID && e.CHISO_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.CHISO_S3_ACCESS_KEY_ID, secretAccessKey: e.CHISO_S3_SECRET_ACCESS_KEY }
        : undefined,
    // A self-hosted store (an endpoint) rarely has per-bucket host names: path style by default.
    forcePathStyle: (e.CHISO_S3_FORCE_PATH_STYLE ?? (endpoint ? '1' : '0')) === '1',
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
  };
}

/** Reads the configuration; a wrong variable stops the start with a message naming it. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = checked.safeParse(env);
  if (!parsed.success) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Cấu hình (biến môi trường) không hợp lệ',
      toIssues(parsed.error).map((issue) => ({ field: issue.path ?? '', message: issue.message })),
    );
  }
  const e = parsed.data;
  const publicUrl = (e.CHISO_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  // The first administrator's password meets the same policy as every other (decision 0036).
  const adminProblems =
    e.CHISO_ADMIN_USERNAME && e.CHISO_ADMIN_PASSWORD
      ? passwordProblems(e.CHISO_ADMIN_PASSWORD, {
          username: e.CHISO_ADMIN_USERNAME,
          fullName: e.CHISO_ADMIN_NAME,
        })
      : [];
  if (adminProblems.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Cấu hình (biến môi trường) không hợp lệ',
      adminProblems.map((message) => ({ field: 'CHISO_ADMIN_PASSWORD', message })),
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.CHISO_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.DATABASE_URL ? e.CHISO_MIGRATION_DATABASE_URL : undefined,
    preparedStatements: e.CHISO_PREPARED_STATEMENTS === 'on',
    assessmentCache: e.CHISO_ASSESSMENT_CACHE === 'on',
    maxUploadBytes: Math.round(e.CHISO_MAX_UPLOAD_MB * 1024 * 1024),
    sessionHours: e.CHISO_SESSION_HOURS,
    initialAdmin:
      e.CHISO_ADMIN_USERNAME && e.CHISO_ADMIN_PASSWORD
        ? {
            username: e.CHISO_ADMIN_USERNAME,
            password: e.CHISO_ADMIN_PASSWORD,
            fullName: e.CHISO_ADMIN_NAME,
          }
        : undefined,
    logLevel: e.LOG_LEVEL,
    trustProxy: trustedProxies(e.CHISO_TRUST_PROXY),
    connections: {
      requestTimeoutMs: Math.round(e.CHISO_REQUEST_TIMEOUT_S * 1000),
      idleTimeoutMs: Math.round(e.CHISO_IDLE_TIMEOUT_S * 1000),
      keepAliveTimeoutMs: Math.round(e.CHISO_KEEP_ALIVE_S * 1000),
      maxConnections: e.CHISO_MAX_CONNECTIONS,
      maxRequestsPerSocket: e.CHISO_MAX_REQUESTS_PER_SOCKET,
    },
    validateResponses: e.CHISO_VALIDATE_RESPONSES === '1',
    mail: e.CHISO_SMTP_URL ? { smtpUrl: e.CHISO_SMTP_URL, from: e.CHISO_MAIL_FROM } : undefined,
    publicUrl,
    issuer: e.CHISO_ISSUER,
    jobsEngine: e.DATABASE_URL && e.CHISO_JOBS === 'auto' ? 'pg-boss' : 'local',
    objectStorage: objectStorage(e),
    oidc: oidcConfig(e, publicUrl),
  };
}

function trustedProxies(value: string): string[] | false {
  const parsed = parseTrustedProxies(value);
  // The schema refused a bad entry already.
  return 'proxies' in parsed ? parsed.proxies : false;
}
