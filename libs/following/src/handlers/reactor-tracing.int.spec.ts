import { randomUUID } from 'node:crypto';
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { TracedEventStore, type NewEvent } from '@collab/event-store';
import { PostgresLeases } from '../leases/postgres-leases';
import { SharedLogReader } from '../reading/shared-log-reader';
import { REACTOR_FLUSH } from '../runner/follower';
import { FollowerRunner } from '../runner/follower-runner';
import { CuttablePool, followingSchema, type FollowingSchema } from '../testing/following-test-kit';
import { Reactor } from './reactor';

const quiet = { warn: () => undefined, error: () => undefined };
const anEvent = (type: string): NewEvent => ({ id: randomUUID(), type, data: {}, metadata: { correlationId: randomUUID(), actor: { id: 'agent-7', kind: 'user' } } });

describe('a process manager over its own log, traced', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let db: FollowingSchema;
  let pool: CuttablePool;
  let leases: PostgresLeases;
  let runner: FollowerRunner;
  let store: TracedEventStore;

  beforeAll(async () => {
    provider.register();
    db = await followingSchema('reactor_tracing');
    pool = new CuttablePool();
    leases = new PostgresLeases({ pool, ttlMs: 1_500, tickMs: 250 });
    store = new TracedEventStore(db.store, 'test');
    // It acknowledges every step it sees by appending to the same log, as a process manager does.
    const reactor = new Reactor(db.schema, { name: 'test.acknowledger', handles: ['StepRecorded'], react: (event) => store.append(`ack-${event.streamId}`, [anEvent('StepAcknowledged')], 'any').then(() => undefined) }, pool, quiet);
    const reader = new SharedLogReader({ readAll: (o) => db.store.readAll(o), headPosition: () => db.store.headPosition(), commits: db.store.commits }, { pollMs: 50 });
    runner = new FollowerRunner({ name: 'test.acknowledger', home: db.schema, handler: reactor, flush: REACTOR_FLUSH }, { log: 'test', reader, leases, db: pool, logger: quiet });
    runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await leases.stop();
    await pool.end();
    await db.drop();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  const spans = () => exporter.getFinishedSpans();
  const appendOf = (type: string): ReadableSpan | undefined => spans().find((span) => span.name === 'append test' && (span.attributes['collab.event.types'] as string[]).includes(type));
  const until = async (check: () => boolean, ms = 10_000): Promise<void> => {
    for (const deadline = Date.now() + ms; !check(); ) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('continues the trace of the request whose append it reacts to, and its own append joins it', async () => {
    exporter.reset();
    await trace.getTracer('spec').startActiveSpan('request', (span) => store.append('step-1', [anEvent('StepRecorded')], 'no_stream').finally(() => span.end()));
    await until(() => appendOf('StepAcknowledged') !== undefined);

    const request = spans().find((span) => span.name === 'request')!;
    const recorded = appendOf('StepRecorded')!;
    const reaction = spans().find((span) => span.name === 'process test.acknowledger')!;
    const acknowledged = appendOf('StepAcknowledged')!;
    expect(new Set([request, recorded, reaction, acknowledged].map((span) => span.spanContext().traceId)).size).toBe(1);
    expect(recorded.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(reaction.parentSpanContext?.spanId).toBe(recorded.spanContext().spanId);
    expect(reaction.attributes).toMatchObject({ 'collab.follower': 'test.acknowledger', 'collab.event.type': 'StepRecorded', 'collab.stream.id': 'step-1' });
    expect(acknowledged.parentSpanContext?.spanId).toBe(reaction.spanContext().spanId);
  });

  it('follows an append made outside any request, which starts a trace of its own', async () => {
    exporter.reset();
    await store.append('step-2', [anEvent('StepRecorded')], 'no_stream');
    await until(() => appendOf('StepAcknowledged') !== undefined);
    const recorded = appendOf('StepRecorded')!;
    const reaction = spans().find((span) => span.name === 'process test.acknowledger')!;
    expect(recorded.parentSpanContext).toBeUndefined();
    expect(reaction.parentSpanContext?.spanId).toBe(recorded.spanContext().spanId);
    expect(appendOf('StepAcknowledged')!.spanContext().traceId).toBe(recorded.spanContext().traceId);
  });

  it('starts a trace of its own for an event stored without a trace context (written while tracing was off)', async () => {
    exporter.reset();
    await db.store.append('step-3', [anEvent('StepRecorded')], 'no_stream');
    await until(() => appendOf('StepAcknowledged') !== undefined);
    const reaction = spans().find((span) => span.name === 'process test.acknowledger')!;
    expect(reaction.parentSpanContext).toBeUndefined();
    expect(appendOf('StepAcknowledged')!.parentSpanContext?.spanId).toBe(reaction.spanContext().spanId);
  });
});
