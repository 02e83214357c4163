/**
 * The dead letters of a running service, and their replay (DESIGN §3 "Errors"):
 *   npm run dlq -- list   [--follower workflow.assign-agent]
 *   npm run dlq -- replay --follower consumer:workflow.route-case [--stream case-…]
 * Talks to the service's REST API (--url, else COLLAB_URL, else http://127.0.0.1:3000) as an
 * administrator: --token (or COLLAB_TOKEN), else a development token signed with AUTH_JWT_SECRET
 * or the embedded data folder's secret (--data-dir, else DATA_DIR, else .data). A replay is done
 * by the follower's owner at its next idle moment; `list` shows it done (replayedAt).
 */
import { parseArgs } from 'node:util';
import { issueDevToken } from '../auth/dev-token';
import { readDevSecret } from '../auth/dev-secret';

const USAGE = `usage: npm run dlq -- list [--follower <name>]
       npm run dlq -- replay --follower <name> [--stream <stream id or key>]
options: --url <base url> --token <bearer token> --data-dir <dir>`;

const OPTIONS = {
  follower: { type: 'string' },
  stream: { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export interface DlqCliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

class UsageError extends Error {}

const tokenOf = async (values: Values, env: NodeJS.ProcessEnv): Promise<string> => {
  const given = values.token ?? env['COLLAB_TOKEN'];
  if (given) return given;
  const secret = env['AUTH_JWT_SECRET']?.trim() || (await readDevSecret(values['data-dir'] ?? env['DATA_DIR'] ?? '.data'));
  if (!secret) throw new Error('no token: pass --token, set COLLAB_TOKEN or AUTH_JWT_SECRET, or --data-dir of the embedded platform');
  return issueDevToken(secret, { sub: 'dlq-operator', roles: ['admin'], audience: 'INTERNAL' }, '10m');
};

interface Listed {
  readonly follower: string;
  readonly streamId: string;
  readonly eventType: string;
  readonly eventId: string;
  readonly error: { name: string; message: string };
  readonly recordedAt: string;
  readonly replayedAt: string | null;
}

const describe = (letter: Listed): string =>
  `${letter.recordedAt}  ${letter.follower}  ${letter.streamId}  ${letter.eventType} ${letter.eventId}  ${letter.error.name}: ${letter.error.message}` +
  (letter.replayedAt ? `  (replayed ${letter.replayedAt})` : '  (parked)');

const call = async (url: string, token: string, init: RequestInit = {}): Promise<Record<string, unknown>> => {
  const response = await fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const detail = typeof body['detail'] === 'string' ? body['detail'] : typeof body['title'] === 'string' ? body['title'] : '';
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${detail}`);
  return body;
};

/** Every page of the list, at most MAX_PAGES of them (an operator reads thousands at most). */
const everyLetter = async (base: string, token: string, follower: string | undefined): Promise<Listed[]> => {
  const items: Listed[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const query = new URLSearchParams({ limit: '200', ...(follower ? { follower } : {}), ...(after === null ? {} : { after }) });
    const page = (await call(`${base}?${query.toString()}`, token)) as { items: Listed[]; page: { next: string | null } };
    items.push(...page.items);
    after = page.page.next;
    if (after === null) break;
  }
  return items;
};

const MAX_PAGES = 50;

const run = async (command: string | undefined, values: Values, env: NodeJS.ProcessEnv, io: DlqCliIo): Promise<void> => {
  const base = `${values.url ?? env['COLLAB_URL'] ?? 'http://127.0.0.1:3000'}/api/v1/admin/dead-letters`;
  const token = await tokenOf(values, env);
  if (command === 'list') {
    const items = await everyLetter(base, token, values.follower);
    io.out(items.length === 0 ? 'no dead letters' : items.map(describe).join('\n'));
    return;
  }
  if (command !== 'replay') throw new UsageError(`unknown command ${command ?? '(none)'}`);
  if (!values.follower) throw new UsageError('replay needs --follower');
  const body = JSON.stringify({ follower: values.follower, ...(values.stream ? { streamId: values.stream } : {}) });
  const answer = await call(`${base}/replay`, token, { method: 'POST', body });
  io.out(`replay asked for ${String(answer['streamsRequested'])} parked stream(s) of ${values.follower}; its owner replays them in order, then frees them`);
};

/** Returns the exit code: 0 done, 1 the service refused or could not be reached, 2 bad arguments. */
export const runDlqCli = async (argv: readonly string[], env: NodeJS.ProcessEnv, io: DlqCliIo): Promise<number> => {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    await run(positionals[0], values, env, io);
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`dlq: ${(error as Error).message}`);
    if (usage) io.err(USAGE);
    return usage ? 2 : 1;
  }
};
