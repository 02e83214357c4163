/**
 * Prints a development JWT signed with the platform's HS256 secret:
 *   npm run token -- --sub agent-1 --roles agent,supervisor --audience INTERNAL --unit billing [--partner p1] [--ttl 8h]
 * The secret is AUTH_JWT_SECRET, or else the embedded mode's `<data dir>/dev-jwt-secret`
 * (--data-dir, else DATA_DIR, else .data — the platform's default).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AUDIENCES,
  DEV_JWT_SECRET_FILE,
  issueDevToken,
  readDevSecret,
  type Audience,
  type DevTokenClaims,
} from '@collab/service-kit';

const USAGE = `usage: npm run token -- --sub <id> --audience ${AUDIENCES.join('|')} [--roles r1,r2] [--unit <unit>]
         [--partner <id>] [--ttl 8h] [--data-dir <dir>] [--issuer <iss>] [--token-audience <aud>]`;

const OPTIONS = {
  sub: { type: 'string' },
  roles: { type: 'string', default: '' },
  audience: { type: 'string' },
  unit: { type: 'string' },
  partner: { type: 'string' },
  ttl: { type: 'string', default: '8h' },
  'data-dir': { type: 'string' },
  issuer: { type: 'string' },
  'token-audience': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

class UsageError extends Error {}

const audienceOf = (value: string | undefined): Audience => {
  const audience = AUDIENCES.find((candidate) => candidate === value?.toUpperCase());
  if (!audience)
    throw new UsageError(
      `--audience must be one of ${AUDIENCES.join(', ')}${value ? ` (got "${value}")` : ''}`,
    );
  return audience;
};

const claimsOf = (values: Values): DevTokenClaims => {
  if (!values.sub) throw new UsageError('--sub is required');
  const audience = audienceOf(values.audience);
  // The authenticator rejects a partner token without a partner; say it here, where it can be fixed.
  if (audience === 'PARTNER' && !values.partner)
    throw new UsageError('--partner is required with --audience PARTNER');
  const roles = values.roles
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  return { sub: values.sub, roles, audience, unit: values.unit, partner: values.partner };
};

const secretOf = async (values: Values, env: NodeJS.ProcessEnv): Promise<string> => {
  const fromEnv = env['AUTH_JWT_SECRET']?.trim();
  if (fromEnv) return fromEnv;
  const dataDir = values['data-dir'] ?? env['DATA_DIR'] ?? '.data';
  const stored = await readDevSecret(dataDir);
  if (stored) return stored;
  throw new Error(
    `AUTH_JWT_SECRET is not set and ${join(dataDir, DEV_JWT_SECRET_FILE)} does not exist ` +
      '(set AUTH_JWT_SECRET, or start the embedded platform once and pass its --data-dir)',
  );
};

/** Returns the process exit code: 0 printed a token, 1 could not sign, 2 bad arguments. */
export const runDevTokenCli = async (
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> => {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const claims = claimsOf(values);
    const secret = await secretOf(values, env);
    const options = { issuer: values.issuer, tokenAudience: values['token-audience'] };
    io.out(await issueDevToken(secret, claims, values.ttl, options));
    return 0;
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`dev-token: ${(error as Error).message}`);
    if (usage) io.err(USAGE);
    return usage ? 2 : 1;
  }
};

if (require.main === module) {
  void runDevTokenCli(process.argv.slice(2), process.env, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
