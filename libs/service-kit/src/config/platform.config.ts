import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SERVICE_NAMES } from '@collab/contracts';
import { redactCredentials } from '../logging/redact';

const port = (fallback: number) =>
  z.coerce.number({ message: 'must be a port number' }).int().min(0, { message: 'must be a port number 0-65535' }).max(65535, { message: 'must be a port number 0-65535' }).default(fallback);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A request count per rate-limit window; the in-memory window keeps one timestamp per request, hence the bound. */
const requestCount = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a number of requests' })
    .int({ message: 'must be a whole number of requests' })
    .min(1, { message: 'must be at least 1 request' })
    .max(50_000, { message: 'must be at most 50000 requests per window' })
    .default(fallback);

/**
 * Secrets anyone can read in this repository, or that say they are placeholders: a token signed
 * with one proves nothing. (A secret of fewer than 8 different characters is one typed by hand.)
 */
const PUBLISHED_SECRETS = ['insecure-compose-dev-secret-change-me'];
const looksLikeADefault = (secret: string): boolean =>
  PUBLISHED_SECRETS.includes(secret) || /change[-_ ]?me|placeholder|insecure/i.test(secret) || new Set(secret).size < 8;

const ENDPOINT_ACCESS = ['public', 'staff', 'off'] as const;
export type EndpointAccess = (typeof ENDPOINT_ACCESS)[number];
const endpointAccess = optionalText.pipe(z.enum(ENDPOINT_ACCESS, { message: 'must be public, staff or off' }).optional());

/** Where the data is: the settings a tool needs that works on a deployment's database (the rebuild command). */
const databaseSettings = {
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: optionalText.pipe(z.string().url({ message: 'must be a postgres:// URL' }).optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(16),
  // A statement whose connection went silent mid-query (a route dropped, nothing reset) would wait
  // for TCP to give up, minutes later; past this bound it fails, its connection is replaced, and
  // the work is answered 503 or retried. It must exceed the slowest legitimate statement.
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(1_000).max(600_000).default(30_000),
};

type GrpcTlsSettings = Partial<Record<'GRPC_TLS_CERT' | 'GRPC_TLS_KEY' | 'GRPC_TLS_CLIENT_CA', string | undefined>>;

const PEM_LABELS = { GRPC_TLS_CERT: 'CERTIFICATE', GRPC_TLS_KEY: 'PRIVATE KEY', GRPC_TLS_CLIENT_CA: 'CERTIFICATE' } as const;

/** What is wrong with one PEM file setting, if anything: it must be readable and hold its kind of PEM block. */
const pemProblem = (setting: keyof typeof PEM_LABELS, file: string): string | undefined => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}: ${file})`;
  }
  const label = PEM_LABELS[setting];
  return new RegExp(`-----BEGIN [A-Z ]*${label}-----`).test(text) ? undefined : `must be a PEM file holding a ${label} (${file})`;
};

interface TlsProblem {
  readonly path: string[];
  readonly message: string;
}

/** One problem per setting: a key without a certificate (or the reverse), a client CA without either, an unreadable or non-PEM file. */
const grpcTlsPairingProblems = ({ GRPC_TLS_CERT: cert, GRPC_TLS_KEY: key, GRPC_TLS_CLIENT_CA: clientCa }: GrpcTlsSettings): TlsProblem[] => [
  ...(cert && !key ? [{ path: ['GRPC_TLS_KEY'], message: 'is required with GRPC_TLS_CERT' }] : []),
  ...(key && !cert ? [{ path: ['GRPC_TLS_CERT'], message: 'is required with GRPC_TLS_KEY' }] : []),
  ...(clientCa && !cert && !key
    ? [{ path: ['GRPC_TLS_CLIENT_CA'], message: 'needs GRPC_TLS_CERT and GRPC_TLS_KEY: client certificates are asked for over TLS only' }]
    : []),
];

const grpcTlsProblems = (config: GrpcTlsSettings): TlsProblem[] => [
  ...grpcTlsPairingProblems(config),
  ...(['GRPC_TLS_CERT', 'GRPC_TLS_KEY', 'GRPC_TLS_CLIENT_CA'] as const).flatMap((setting) => {
    const file = config[setting];
    const problem = file === undefined ? undefined : pemProblem(setting, file);
    return problem === undefined ? [] : [{ path: [setting], message: problem }];
  }),
];

/**
 * Every setting a process reads, validated once at start. The mode follows from what is set:
 * DATABASE_URL means distributed (PostgreSQL, and Kafka when KAFKA_BROKERS is set); without it
 * the process runs embedded on PGlite in DATA_DIR.
 */
/** A secret shared by every service of a deployment signs every admin token: 32 characters at least there. */
const isWeakDistributedSecret = (config: { DATABASE_URL?: string | undefined; AUTH_JWT_SECRET?: string | undefined }): boolean =>
  config.DATABASE_URL !== undefined && config.AUTH_JWT_SECRET !== undefined && config.AUTH_JWT_SECRET.length < 32;

export const platformConfigSchema = z
  .object({
    SERVICE: z.enum(['platform', ...SERVICE_NAMES]).default('platform'),
    HTTP_HOST: z.string().min(1).default('127.0.0.1'),
    HTTP_PORT: port(3000),
    GRPC_HOST: z.string().min(1).default('127.0.0.1'),
    GRPC_PORT: port(50051),
    // gRPC over TLS: the server's certificate chain and key (PEM files). With GRPC_TLS_CLIENT_CA too,
    // a partner may authenticate by a client certificate that CA signed (mutual TLS), its SAN URI
    // `partner:<id>` naming the partner; bearer tokens keep working beside it.
    GRPC_TLS_CERT: optionalText,
    GRPC_TLS_KEY: optionalText,
    GRPC_TLS_CLIENT_CA: optionalText,
    ...databaseSettings,
    KAFKA_BROKERS: optionalText.pipe(
      z
        .string()
        .regex(/^[^,:\s]+:\d+(,[^,:\s]+:\d+)*$/, { message: 'must be host:port[,host:port...]' })
        .optional(),
    ),
    // Several environments (or test runs) on one cluster: put in front of every topic and consumer group.
    KAFKA_TOPIC_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9._-]{0,60}$/, { message: 'must be at most 60 letters, digits, dots, dashes or underscores' })
      .default(''),
    KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
    EVENTSTORE_CONNECTION_STRING: optionalText.pipe(
      z.string().startsWith('esdb', { message: 'must be an esdb:// or esdb+discover:// connection string' }).optional(),
    ),
    AUTH_JWT_SECRET: optionalText.pipe(
      z
        .string()
        .min(16, { message: 'must be at least 16 characters' })
        .refine((secret) => !looksLikeADefault(secret), { message: 'is a published example or placeholder; set a random secret of your own (openssl rand -base64 48)' })
        .optional(),
    ),
    AUTH_JWKS_URL: optionalText.pipe(z.string().url().optional()),
    AUTH_ISSUER: optionalText,
    // The longest a bearer token may live (exp after iat); a longer one means a leaked key or a broken issuer.
    AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).int().min(60).max(30 * 24 * 3600).default(24 * 3600),
    // Per-client rate limits (429 + Retry-After; RESOURCE_EXHAUSTED on gRPC), counted over a sliding
    // window per process: by the token's subject, a channel with its own larger allowance, and by
    // address for calls without a valid token (bad signatures count there). The edge limits too.
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).int({ message: 'must be a whole number of seconds' }).min(1, { message: 'must be at least 1 second' }).max(3600, { message: 'must be at most 3600 seconds' }).default(60),
    RATE_LIMIT_PER_CLIENT: requestCount(600),
    RATE_LIMIT_PER_CHANNEL: requestCount(30_000),
    RATE_LIMIT_PER_ADDRESS: requestCount(120),
    // How many proxies (the edge) stand in front: their X-Forwarded-For then names the client's address.
    HTTP_TRUST_PROXY_HOPS: z.coerce.number({ message: 'must be a number of proxies' }).int().min(0, { message: 'must be 0-5' }).max(5, { message: 'must be 0-5' }).default(0),
    // Who may read /metrics and the API docs (/api/docs): anyone (`public`), a token with the staff
    // grant (`staff`), or nobody (`off`, 404). Unset: public embedded, staff when distributed.
    METRICS_ACCESS: endpointAccess,
    API_DOCS_ACCESS: endpointAccess,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // A customer who comes back about the same category within this window is usually chasing
    // the same matter, so the contact joins the open case instead of opening another.
    INTAKE_JOIN_WINDOW_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).int().min(0).max(43_200).default(1440),
    // How often intake looks whether a calendar's announced holidays run out within 60 days
    // (CalendarCoverageEnding); it also looks once at start.
    INTAKE_CALENDAR_WATCH_MS: z.coerce
      .number({ message: 'must be a number of milliseconds' })
      .int({ message: 'must be a whole number of milliseconds' })
      .min(10, { message: 'must be at least 10 ms' })
      .max(3_600_000, { message: 'must be at most 3600000 ms (an hour)' })
      .default(60_000),
    // A resolved case the requester neither confirms nor reopens closes itself after this quiet
    // period, in calendar minutes (3 days; at most a year).
    WORKFLOW_AUTO_CLOSE_MINUTES: z.coerce
      .number({ message: 'must be a number of minutes' })
      .int({ message: 'must be a whole number of minutes' })
      .min(1, { message: 'must be at least 1 minute' })
      .max(525_600, { message: 'must be at most 525600 minutes (a year)' })
      .default(4320),
    // 催办: a task is urged at most once per this many wall-clock minutes (1 hour; at most a day).
    WORKFLOW_URGE_INTERVAL_MINUTES: z.coerce
      .number({ message: 'must be a number of minutes' })
      .int({ message: 'must be a whole number of minutes' })
      .min(1, { message: 'must be at least 1 minute' })
      .max(1440, { message: 'must be at most 1440 minutes (a day)' })
      .default(60),
    // How often the SLA timer dispatcher looks for due warnings, breaches, escalations and closings.
    WORKFLOW_SLA_POLL_MS: z.coerce
      .number({ message: 'must be a number of milliseconds' })
      .int({ message: 'must be a whole number of milliseconds' })
      .min(10, { message: 'must be at least 10 ms' })
      .max(60_000, { message: 'must be at most 60000 ms' })
      .default(1000),
    // How often knowledge's timer dispatcher looks for articles due to expire or to be reviewed.
    KNOWLEDGE_TIMER_POLL_MS: z.coerce
      .number({ message: 'must be a number of milliseconds' })
      .int({ message: 'must be a whole number of milliseconds' })
      .min(10, { message: 'must be at least 10 ms' })
      .max(60_000, { message: 'must be at most 60000 ms' })
      .default(1000),
    // How often data's tag review dispatcher looks for customers to judge again (new facts, changed rules, windows passing).
    DATA_TAG_POLL_MS: z.coerce
      .number({ message: 'must be a number of milliseconds' })
      .int({ message: 'must be a whole number of milliseconds' })
      .min(10, { message: 'must be at least 10 ms' })
      .max(60_000, { message: 'must be at most 60000 ms' })
      .default(500),
    // How long an HTTP request may take before it is answered 503 + Retry-After, whatever it waits
    // for: the caller retries (with its Idempotency-Key) rather than hangs. Streams are exempt.
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(1_000).max(600_000).default(10_000),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, { message: 'must look like 256kb or 1mb' }).default('256kb'),
    // The standard OpenTelemetry variable: set, spans are exported over OTLP/HTTP to this base URL
    // (`/v1/traces` appended); unset, tracing is off and no SDK is started.
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.pipe(
      z
        .string()
        .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'must be an http:// or https:// base URL such as http://127.0.0.1:4318' })
        .optional(),
    ),
  })
  .superRefine((config, context) => {
    if (config.SERVICE !== 'platform' && !config.DATABASE_URL)
      context.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: `is required to run ${config.SERVICE} on its own` });
    if (config.SERVICE !== 'platform' && !config.KAFKA_BROKERS)
      context.addIssue({ code: 'custom', path: ['KAFKA_BROKERS'], message: `is required to run ${config.SERVICE} on its own` });
    if (config.DATABASE_URL && !config.AUTH_JWT_SECRET && !config.AUTH_JWKS_URL)
      context.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_SECRET'],
        message: 'or AUTH_JWKS_URL is required outside the embedded mode',
      });
    if (isWeakDistributedSecret(config))
      context.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'must be at least 32 characters in the distributed mode' });
    for (const problem of grpcTlsProblems(config)) context.addIssue({ code: 'custom', ...problem });
  });

export type PlatformConfig = z.infer<typeof platformConfigSchema>;

export class InvalidConfiguration extends Error {
  override readonly name = 'InvalidConfiguration';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** Settings whose value never appears in an error line (a too-short secret is still a secret; a file's problem names its path itself). */
const SECRET_SETTINGS = new Set(['AUTH_JWT_SECRET', 'GRPC_TLS_CERT', 'GRPC_TLS_KEY', 'GRPC_TLS_CLIENT_CA']);

const shownValue = (received: string | undefined, setting: string): string =>
  received === undefined || SECRET_SETTINGS.has(setting) ? '' : ` (got "${redactCredentials(received)}")`;

const parsed = <T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T => {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new InvalidConfiguration(
    result.error.issues.map((issue) => {
      const setting = issue.path.join('.') || 'configuration';
      return `config: ${setting} ${issue.message}${shownValue(env[setting], setting)}`;
    }),
  );
};

/** Parses the environment; on failure the error holds one line per problem, naming the setting. */
export const loadPlatformConfig = (env: NodeJS.ProcessEnv = process.env): PlatformConfig => parsed(platformConfigSchema, env);

/** Only the database settings (DATABASE_URL, DATA_DIR, DATABASE_POOL_SIZE), validated the same way. */
export const loadDatabaseSettings = (env: NodeJS.ProcessEnv = process.env): Pick<PlatformConfig, keyof typeof databaseSettings> =>
  parsed(z.object(databaseSettings), env);

export const isDistributed = (config: Pick<PlatformConfig, 'DATABASE_URL'>): boolean => config.DATABASE_URL !== undefined;

/** The rate limits of this process, from its validated settings. */
export const rateLimitSettingsOf = (config: PlatformConfig) => ({
  windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
  perClient: config.RATE_LIMIT_PER_CLIENT,
  perChannel: config.RATE_LIMIT_PER_CHANNEL,
  perAddress: config.RATE_LIMIT_PER_ADDRESS,
});

/** Who may read an operational endpoint: as configured, else open in the embedded mode and staff-only when distributed. */
export const endpointAccessOf = (config: PlatformConfig, setting: 'METRICS_ACCESS' | 'API_DOCS_ACCESS'): EndpointAccess =>
  config[setting] ?? (isDistributed(config) ? 'staff' : 'public');

/** The gRPC listener's TLS material, read from the files the (validated) settings name; undefined for plain TCP. */
export const grpcTlsOf = (config: PlatformConfig): { cert: Buffer; key: Buffer; clientCa?: Buffer } | undefined => {
  if (!config.GRPC_TLS_CERT || !config.GRPC_TLS_KEY) return undefined;
  const cert = readFileSync(config.GRPC_TLS_CERT);
  const key = readFileSync(config.GRPC_TLS_KEY);
  return config.GRPC_TLS_CLIENT_CA ? { cert, key, clientCa: readFileSync(config.GRPC_TLS_CLIENT_CA) } : { cert, key };
};
