import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { loadProtos, type workflowV1 } from '@collab/contracts';
import { eventually, TestCertificates } from '@collab/testing';
import { GrpcServer } from '@collab/service-kit';
import { EmbeddedPlatform } from '../embedded-platform';
import { LifecycleSteps, frontLineAgent } from '../workflow/lifecycle-steps';

/*
 * The embedded platform with its gRPC listener on mutual TLS (certificates made for the run by the
 * openssl CLI): a partner system authenticates by its certificate alone and works its own tasks
 * through the real PartnerCollaborationService; bearer tokens keep working beside it.
 */
const partner = 'reseller-mtls';
const owner = 'agent-mtls';
const certificates = new TestCertificates()
  .authority('partners-ca')
  .authority('stranger-ca')
  .signed('server', 'partners-ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1')
  .signed('reseller', 'partners-ca', `subjectAltName=URI:partner:${partner}\nextendedKeyUsage=clientAuth`)
  .signed('other', 'partners-ca', 'subjectAltName=URI:partner:reseller-elsewhere\nextendedKeyUsage=clientAuth')
  .signed('forged', 'stranger-ca', `subjectAltName=URI:partner:${partner}\nextendedKeyUsage=clientAuth`);

type Client = InstanceType<ReturnType<typeof loadProtos>['workflow']['PartnerCollaborationService']>;

describe('partner gRPC over mutual TLS, embedded platform', () => {
  let platform: EmbeddedPlatform;
  let taskId: string;
  const clients: Client[] = [];

  const clientAs = (certificate?: string): Client => {
    const ca = certificates.pem('partners-ca.pem');
    const tls = certificate ? credentials.createSsl(ca, certificates.pem(`${certificate}.key`), certificates.pem(`${certificate}.pem`)) : credentials.createSsl(ca);
    const client = new (loadProtos().workflow.PartnerCollaborationService)(`127.0.0.1:${platform.app.get(GrpcServer).port!}`, tls);
    clients.push(client);
    return client;
  };

  const listTasks = (client: Client, metadata = new Metadata()) =>
    new Promise<{ error?: ServiceError; ids: string[] }>((resolve) =>
      client.ListTasks({}, metadata, { deadline: Date.now() + 5000 }, (error, response?: workflowV1.ListTasksResponse__Output) =>
        resolve(error ? { error, ids: [] } : { ids: (response?.tasks ?? []).map((task) => task.id) }),
      ),
    );

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({
      GRPC_TLS_CERT: certificates.file('server.pem'),
      GRPC_TLS_KEY: certificates.file('server.key'),
      GRPC_TLS_CLIENT_CA: certificates.file('partners-ca.pem'),
    });
    const steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
    await steps.registerPartner(partner, 'GD-SZ');
    const caseId = await steps.caseAt('in-progress', 'cust-mtls-1', owner);
    const asked = await steps.act(caseId, 'collaborations', frontLineAgent(owner), { to: { kind: 'PARTNER', id: partner }, reason: '请核实该 SIM 卡激活故障' });
    taskId = String(asked.body['taskId']);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await platform?.stop();
    certificates.remove();
  });

  it('lets a partner system with its certificate alone list and accept its own task', async () => {
    const reseller = clientAs('reseller');
    await eventually(async () => expect((await listTasks(reseller)).ids).toContain(taskId));
    const accepted = await new Promise<{ error: ServiceError | null; status?: string | undefined }>((resolve) =>
      reseller.AcceptTask({ taskId }, new Metadata(), (error, response?: workflowV1.AcceptTaskResponse__Output) => resolve({ error, status: response?.task?.status })),
    );
    expect(accepted).toEqual({ error: null, status: 'TASK_STATUS_ACCEPTED' });
  });

  it('shows another partner’s certificate nothing of it', async () => {
    expect(await listTasks(clientAs('other'))).toEqual({ ids: [] });
  });

  it('keeps bearer tokens working over the same listener', async () => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${await platform.token({ sub: 'reseller-agent', audience: 'PARTNER', roles: ['partner-agent'], partner })}`);
    expect((await listTasks(clientAs(), metadata)).ids).toContain(taskId);
  });

  it('refuses a certificate the client CA did not sign, and no credentials at all, with UNAUTHENTICATED', async () => {
    expect((await listTasks(clientAs('forged'))).error?.code).toBe(status.UNAUTHENTICATED);
    expect((await listTasks(clientAs())).error?.code).toBe(status.UNAUTHENTICATED);
  });
});
