import { randomBytes } from 'node:crypto';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { intakeV1, loadProtos } from '@collab/contracts';
import { issueDevToken } from '@collab/service-kit';
import { eventually, freePort, freshDatabase, startServiceProcess, type FreshDatabase, type ServiceProcess } from '@collab/testing';
import { OtlpReceiver, type RecordedSpan } from '@collab/testing/tracing';
import { contactTraceIn } from './contact-trace';
import { contactIsRoutedAndReadable } from './first-slice.scenario';

const jwtSecret = 'distributed-traces-secret-0123456789';
const kafkaBrokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';

/** A SubmitContact over gRPC from a partner system that traces: its own span is the call's parent. */
const submitOverGrpc = async (address: string, traceparent: string): Promise<Record<string, unknown>> => {
  const { intake } = loadProtos();
  const client = new intake.IntakeService(address, credentials.createInsecure());
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${await issueDevToken(jwtSecret, { sub: 'reseller-staff-1', roles: ['partner-agent'], audience: 'PARTNER', partner: 'reseller-a' })}`);
  metadata.set('traceparent', traceparent);
  const request: intakeV1.SubmitContactRequest = {
    requestId: `partner-ticket-${randomBytes(4).toString('hex')}`, channel: 'partner-api', audience: 'AUDIENCE_PARTNER', requestType: 'REQUEST_TYPE_FAULT',
    requester: { id: 'reseller-staff-1', partner: 'reseller-a' }, category: 'network/no-signal', subject: 'Base station down', description: 'Customers report no signal in Nanshan.', region: 'GD-SZ',
  };
  try {
    return await new Promise((resolve, reject) =>
      client.submitContact(request, metadata, (error: ServiceError | null, response?: intakeV1.SubmitContactResponse__Output) => (error ? reject(error) : resolve({ ...response! }))),
    );
  } finally {
    client.close();
  }
};

const typesOf = (span: RecordedSpan): readonly string[] => (span.attributes['collab.event.types'] as string[] | undefined) ?? [];

describe('traces of the distributed platform (intake and workflow processes exporting over OTLP/HTTP, PostgreSQL and Kafka)', () => {
  let database: FreshDatabase;
  let receiver: OtlpReceiver;
  const services: ServiceProcess[] = [];
  let intakeGrpc: string;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    database = await freshDatabase('collab_traces');
    // Spans leave each process in batches every 100 ms instead of the SDK's 5 s, so the test waits less.
    const env = { DATABASE_URL: database.url, KAFKA_BROKERS: kafkaBrokers, AUTH_JWT_SECRET: jwtSecret, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
    const grpcPorts = [await freePort(), await freePort()];
    intakeGrpc = `127.0.0.1:${grpcPorts[0]}`;
    for (const [index, service] of ['intake', 'workflow'].entries())
      services.push(await startServiceProcess(service, { ...env, GRPC_PORT: String(grpcPorts[index]) }, await freePort()));
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await database?.drop();
    await receiver?.stop();
  });

  it('follow a contact from intake\'s REST request through the log, the relay and Kafka to workflow\'s routing, in one trace', async () => {
    const [intake, workflow] = services;
    const routedCase = await contactIsRoutedAndReadable({ intake: intake!.baseUrl, workflow: workflow!.baseUrl, jwtSecret });

    const { request, opened, published, delivered, routed, clocked } = await eventually(() => Promise.resolve(contactTraceIn(receiver.spans(), 'kafka')), { timeoutMs: 30_000, intervalMs: 200 });

    expect([request, opened, published!].map((span) => span.service)).toEqual(['collab-intake', 'collab-intake', 'collab-intake']);
    expect([delivered, routed, clocked].map((span) => span.service)).toEqual(['collab-workflow', 'collab-workflow', 'collab-workflow']);
    expect(opened.attributes['collab.stream.ids']).toContain(`case-${String(routedCase['id'])}`);
    // The relay and the consumer both continue the context stored with CaseOpened (the CloudEvent's traceparent): siblings under the append.
    expect(published!.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': 'collab.intake.events.v1', 'messaging.kafka.message.key': `case-${String(routedCase['id'])}` });
    expect(delivered.attributes).toMatchObject({ 'messaging.consumer.group.name': 'workflow.route-case', 'collab.event.type': 'collab.intake.CaseOpened.v3' });
    // The case's events and the SLA clocks its process starts, in one append over both streams.
    expect(routed.attributes).toMatchObject({ 'collab.stream.ids': [`case-${String(routedCase['id'])}`, `sla-${String(routedCase['id'])}`] });
  });

  it('continue a partner system\'s trace from gRPC SubmitContact to workflow\'s routing', async () => {
    const traceId = randomBytes(16).toString('hex');
    const partnerSpanId = randomBytes(8).toString('hex');
    const accepted = await submitOverGrpc(intakeGrpc, `00-${traceId}-${partnerSpanId}-01`);

    const spans = await eventually(
      () => {
        const ofTrace = receiver.spans().filter((span) => span.traceId === traceId);
        if (!ofTrace.some((span) => span.name === 'append workflow' && typesOf(span).includes('CaseQueued'))) throw new Error(`not routed yet:\n${ofTrace.map((span) => span.name).join('\n')}`);
        return Promise.resolve(ofTrace);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const call = spans.find((span) => span.kind === 'SERVER' && span.parentSpanId === partnerSpanId)!;
    expect(call).toMatchObject({ service: 'collab-intake', name: 'grpc.collab.intake.v1.IntakeService/SubmitContact' });
    const opened = spans.find((span) => span.name === 'append intake' && typesOf(span).includes('CaseOpened'))!;
    expect(opened).toMatchObject({ parentSpanId: call.spanId, attributes: expect.objectContaining({ 'collab.stream.ids': expect.arrayContaining([`case-${String(accepted['caseId'])}`]) }) });
    const delivered = spans.find((span) => span.kind === 'CONSUMER' && span.attributes['messaging.consumer.group.name'] === 'workflow.route-case' && span.parentSpanId === opened.spanId)!;
    expect(delivered.service).toBe('collab-workflow');
    expect(spans.some((span) => span.name === 'append workflow' && typesOf(span).includes('CaseQueued') && span.parentSpanId === delivered.spanId)).toBe(true);
  });
});
