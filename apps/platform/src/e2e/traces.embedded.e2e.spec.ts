import { HostedServices } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { SpanRecorder } from '@collab/testing/tracing';
import { contactTraceIn } from './contact-trace';
import { EmbeddedPlatform } from './embedded-platform';
import { aComplaint } from './first-slice.scenario';

describe('traces of the embedded platform (OpenTelemetry, spans recorded in memory)', () => {
  let recorder: SpanRecorder;
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    recorder = SpanRecorder.start();
    platform = await EmbeddedPlatform.start();
  });
  afterAll(async () => {
    await platform?.stop();
    await recorder?.stop();
  });

  it('follow a contact from POST /api/v1/contacts through the event log to its routing, in one trace', async () => {
    const submitted = await platform.call('POST', '/api/v1/contacts', { caller: { sub: 'cust-4711', audience: 'EXTERNAL' }, body: aComplaint });
    expect(submitted.status).toBe(201);
    const caseId = String(submitted.body['caseId']);

    const trace = await eventually(() => Promise.resolve(contactTraceIn(recorder.spans(), 'log')), { timeoutMs: 30_000, intervalMs: 100 });

    const { request, opened, delivered, routed, clocked } = trace;
    expect(request.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/api/v1/contacts', 'http.response.status_code': 201 });
    // A contact is one multi-stream append in intake (identity, customer, case, thread): one span naming every stream.
    expect(opened.attributes).toMatchObject({ 'collab.log': 'intake', 'collab.stream.ids': expect.arrayContaining([`case-${caseId}`]) });
    // The log-fed delivery continues the context stored with CaseOpened; workflow's own process manager the one stored with the routing.
    expect(delivered.attributes).toMatchObject({ 'collab.follower': 'consumer:workflow.route-case', 'collab.event.type': 'CaseOpened' });
    // The routing is one append over two streams: the case's events, and the SLA clocks its process starts on the case's SLA stream.
    expect(routed.attributes).toMatchObject({
      'collab.log': 'workflow',
      'collab.stream.ids': [`case-${caseId}`, `sla-${caseId}`],
      'collab.event.types': ['CaseRegistered', 'CaseQueued', 'CaseProcessStarted', 'SlaClockStarted'],
    });
    expect(clocked.attributes).toMatchObject({ 'collab.event.type': 'CaseProcessStarted', 'collab.stream.id': `case-${caseId}` });
    expect(new Set(trace.all.map((span) => span.service))).toEqual(new Set(['collab-platform']));

    const stored = await platform.app.get(HostedServices).get('intake')!.store.readStream(`case-${caseId}`);
    const caseOpened = stored.find((event) => event.type === 'CaseOpened')!;
    expect(caseOpened.metadata.traceparent).toBe(`00-${opened.traceId}-${opened.spanId}-01`);
  });
});
