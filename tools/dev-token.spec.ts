import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtAuthenticator } from '@collab/service-kit';
import { runDevTokenCli } from './dev-token';

const SECRET = 'cli-secret-cli-secret-cli-secret';

const run = async (argv: string[], env: NodeJS.ProcessEnv = { AUTH_JWT_SECRET: SECRET }) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDevTokenCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err: err.join('\n') };
};

describe('npm run token', () => {
  it('prints a token the platform accepts', async () => {
    const { code, out } = await run([
      '--sub',
      'agent-1',
      '--roles',
      'agent,supervisor',
      '--audience',
      'INTERNAL',
      '--unit',
      'billing',
    ]);
    expect(code).toBe(0);
    await expect(new JwtAuthenticator({ secret: SECRET }).authenticate(`Bearer ${out[0]}`)).resolves.toEqual({
      subject: 'agent-1',
      roles: ['agent', 'supervisor'],
      audience: 'INTERNAL',
      unit: 'billing',
    });
  });

  it('signs with the embedded dev secret when AUTH_JWT_SECRET is unset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collab-token-'));
    try {
      // As the embedded platform writes it: readable by its owner only (a file others can read is refused).
      await writeFile(join(dir, 'dev-jwt-secret'), `${SECRET}\n`, { mode: 0o600 });
      const { code, out } = await run(
        ['--sub', 'p', '--audience', 'PARTNER', '--partner', 'p1', '--data-dir', dir],
        {},
      );
      expect(code).toBe(0);
      await expect(
        new JwtAuthenticator({ secret: SECRET }).authenticate(`Bearer ${out[0]}`),
      ).resolves.toMatchObject({
        partner: 'p1',
        roles: [],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const withSecret = { AUTH_JWT_SECRET: SECRET };
  it.each<{ name: string; argv: string[]; env: NodeJS.ProcessEnv; exitCode: number; message: string }>([
    {
      name: 'no secret anywhere',
      argv: ['--sub', 'a', '--audience', 'INTERNAL', '--data-dir', '/nonexistent'],
      env: {},
      exitCode: 1,
      message: 'AUTH_JWT_SECRET is not set',
    },
    {
      name: 'no subject',
      argv: ['--audience', 'INTERNAL'],
      env: withSecret,
      exitCode: 2,
      message: '--sub is required',
    },
    {
      name: 'an unknown audience',
      argv: ['--sub', 'a', '--audience', 'PUBLIC'],
      env: withSecret,
      exitCode: 2,
      message: '--audience must be one of',
    },
    {
      name: 'a partner without partner id',
      argv: ['--sub', 'a', '--audience', 'PARTNER'],
      env: withSecret,
      exitCode: 2,
      message: '--partner is required',
    },
    {
      name: 'an unknown option',
      argv: ['--sub', 'a', '--audience', 'INTERNAL', '--role', 'x'],
      env: withSecret,
      exitCode: 2,
      message: "Unknown option '--role'",
    },
  ])('fails with $name', async ({ argv, env, exitCode, message }) => {
    const { code, out, err } = await run(argv, env);
    expect(code).toBe(exitCode);
    expect(out).toEqual([]);
    expect(err).toContain(message);
  });
});
