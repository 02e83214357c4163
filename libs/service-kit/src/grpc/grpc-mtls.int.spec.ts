import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials, Metadata, status, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadProtos } from '@collab/contracts';
import { Unauthenticated, type Authenticator, type Principal } from '../auth/principal';
import { loadPlatformConfig, InvalidConfiguration } from '../config/platform.config';
import { GrpcHost } from './grpc-host';
import { unary } from './grpc-handlers';

/*
 * Mutual TLS with certificates made for the run by the openssl CLI (node:crypto cannot sign X.509):
 * a client CA, a server certificate for 127.0.0.1, partner certificates with a `partner:<id>` SAN
 * URI, and the same from a CA the server does not trust.
 */
const dir = mkdtempSync(join(tmpdir(), 'grpc-mtls-'));
const file = (name: string) => join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', timeout: 10_000 });

const authority = (name: string) =>
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`);

const signed = (name: string, by: string, extensions: string) => {
  writeFileSync(file(`${name}.ext`), `${extensions}\n`);
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
  openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${by}.pem`, '-CAkey', `${by}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
};

authority('partners-ca');
authority('stranger-ca');
signed('server', 'partners-ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1');
signed('acme', 'partners-ca', 'subjectAltName=URI:partner:p-acme\nextendedKeyUsage=clientAuth');
signed('nameless', 'partners-ca', 'subjectAltName=DNS:acme.example\nextendedKeyUsage=clientAuth');
signed('forged', 'stranger-ca', 'subjectAltName=URI:partner:p-acme\nextendedKeyUsage=clientAuth');
const pem = (name: string) => readFileSync(file(name));

/** Accepts `Bearer good-<subject>` as internal staff: the JWT rules have their own tests. */
const authenticator: Authenticator = {
  authenticate: (header) => {
    const subject = header === undefined ? undefined : /^Bearer good-(.+)$/.exec(header)?.[1];
    if (!subject) return Promise.reject(new Unauthenticated(header ? 'bad token signature' : 'missing authorization header'));
    return Promise.resolve<Principal>({ subject, roles: ['agent'], audience: 'INTERNAL', unit: 'u-network' });
  },
};

const { intake } = loadProtos();
const host = new GrpcHost({
  authenticator,
  host: '127.0.0.1',
  port: 0,
  shutdownTimeoutMs: 1000,
  tls: { cert: pem('server.pem'), key: pem('server.key'), clientCa: pem('partners-ca.pem') },
}).addService(
  intake.IntakeService.service,
  {
    SubmitContact: unary(() => Promise.resolve({})),
    // Echoes who called, as the handler sees it.
    GetCase: unary((_, { principal }) =>
      Promise.resolve({ case: { id: `${principal.audience}/${principal.partner ?? principal.unit ?? ''}`, assignee: principal.subject } }),
    ),
  },
  { SubmitContact: ['requester'], GetCase: ['requester'] },
);

const clients: Client[] = [];
let address: string;
beforeAll(async () => {
  address = `127.0.0.1:${await host.start()}`;
});
afterAll(async () => {
  clients.forEach((client) => client.close());
  await host.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const clientAs = (certificate?: string) => {
  const tls = certificate
    ? credentials.createSsl(pem('partners-ca.pem'), pem(`${certificate}.key`), pem(`${certificate}.pem`))
    : credentials.createSsl(pem('partners-ca.pem'));
  const client = new intake.IntakeService(address, tls);
  clients.push(client);
  return client;
};

const whoCalls = (certificate?: string, authorization?: string) =>
  new Promise<{ error: ServiceError | null; seen?: { id: string; assignee: string } }>((resolve) => {
    const metadata = new Metadata();
    if (authorization) metadata.set('authorization', authorization);
    clientAs(certificate).getCase({ caseId: 'c-1' }, metadata, { deadline: Date.now() + 5000 }, (error, response) =>
      resolve({ error, ...(response?.case ? { seen: { id: response.case.id, assignee: response.case.assignee } } : {}) }),
    );
  });

describe('partner gRPC over mutual TLS', () => {
  it('admits a certificate the client CA signed as the partner its SAN URI names', async () => {
    const { error, seen } = await whoCalls('acme');
    expect(error).toBeNull();
    expect(seen).toEqual({ id: 'PARTNER/p-acme', assignee: 'partner:p-acme' });
  });

  it('keeps admitting bearer tokens over the same TLS listener, without a certificate', async () => {
    const { error, seen } = await whoCalls(undefined, 'Bearer good-agent-7');
    expect(error).toBeNull();
    expect(seen).toEqual({ id: 'INTERNAL/u-network', assignee: 'agent-7' });
  });

  it('lets a bearer token decide when both come, and refuses a bad token over a good certificate', async () => {
    expect((await whoCalls('acme', 'Bearer good-agent-7')).seen?.assignee).toBe('agent-7');
    expect((await whoCalls('acme', 'Bearer forged')).error?.code).toBe(status.UNAUTHENTICATED);
  });

  it.each([
    ['signed by a CA the server does not trust', 'forged'],
    ['naming no partner', 'nameless'],
    ['absent, with no token either', undefined],
  ])('refuses a certificate %s (UNAUTHENTICATED)', async (_, certificate) => {
    const { error, seen } = await whoCalls(certificate);
    expect(seen).toBeUndefined();
    expect(error?.code).toBe(status.UNAUTHENTICATED);
  });
});

describe('mutual TLS settings', () => {
  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadPlatformConfig(env);
      return [];
    } catch (error) {
      return (error as InvalidConfiguration).problems.filter((line) => line.includes('GRPC_TLS'));
    }
  };

  it('are read from PEM files', () => {
    expect(problemsOf({ GRPC_TLS_CERT: file('server.pem'), GRPC_TLS_KEY: file('server.key'), GRPC_TLS_CLIENT_CA: file('partners-ca.pem') })).toEqual([]);
  });

  it('name each problem on its own line', () => {
    expect(problemsOf({ GRPC_TLS_CERT: file('server.key'), GRPC_TLS_CLIENT_CA: file('missing.pem') })).toEqual([
      'config: GRPC_TLS_KEY is required with GRPC_TLS_CERT',
      `config: GRPC_TLS_CERT must be a PEM file holding a CERTIFICATE (${file('server.key')})`,
      `config: GRPC_TLS_CLIENT_CA cannot be read (ENOENT: ${file('missing.pem')})`,
    ]);
    expect(problemsOf({ GRPC_TLS_CLIENT_CA: file('partners-ca.pem') })).toEqual([
      'config: GRPC_TLS_CLIENT_CA needs GRPC_TLS_CERT and GRPC_TLS_KEY: client certificates are asked for over TLS only',
    ]);
  });
});
