import type { RecordedSpan } from '@collab/testing/tracing';

/** How CaseOpened reached workflow: the relay and a Kafka consumer group, or the in-process log. */
export type Transport = 'kafka' | 'log';

export interface ContactTrace {
  readonly request: RecordedSpan;
  /** Intake's append of the case it opened (CaseOpened). */
  readonly opened: RecordedSpan;
  /** The relay's publication of CaseOpened (Kafka only). */
  readonly published?: RecordedSpan;
  /** Workflow's handling of CaseOpened (route-case). */
  readonly delivered: RecordedSpan;
  /** Workflow's append routing the case. */
  readonly routed: RecordedSpan;
  /** Workflow's SLA clock keeper, a process manager over workflow's own log, reacting to the routing. */
  readonly clocked: RecordedSpan;
  readonly all: readonly RecordedSpan[];
}

const typesOf = (span: RecordedSpan): readonly string[] => (span.attributes['collab.event.types'] as string[] | undefined) ?? [];

const only = (spans: readonly RecordedSpan[], what: string, holds: (span: RecordedSpan) => boolean): RecordedSpan => {
  const found = spans.filter(holds);
  if (found.length !== 1) {
    const seen = spans.map((span) => `${span.service} ${span.kind} ${span.name} ${span.spanId}<-${span.parentSpanId ?? 'root'} ${typesOf(span).join(',')}`);
    throw new Error(`expected one span for ${what}, found ${found.length} among:\n${seen.join('\n')}`);
  }
  return found[0]!;
};

const childOf = (parent: RecordedSpan) => (span: RecordedSpan) => span.parentSpanId === parent.spanId;

/** The attempt that succeeded, where work may be retried (a relay batch, a reaction): failed attempts are spans too. */
const succeeded = (spans: readonly RecordedSpan[], what: string, holds: (span: RecordedSpan) => boolean): RecordedSpan =>
  only(spans.filter((span) => !span.failed), what, holds);

const deliveredBy = (transport: Transport, opened: RecordedSpan) => (span: RecordedSpan): boolean =>
  span.kind === 'CONSUMER' &&
  childOf(opened)(span) &&
  (transport === 'kafka'
    ? span.name === 'process collab.intake.events.v1' && span.attributes['messaging.consumer.group.name'] === 'workflow.route-case'
    : span.name === 'process consumer:workflow.route-case');

/**
 * The one trace of a contact submitted over REST (DESIGN §3): intake's REST server span → its append
 * of CaseOpened → (Kafka: the relay's send, and) workflow's handling of that event, continued from
 * the event's traceparent → workflow's append routing the case → the SLA clock keeper reacting to it.
 * Each link is asserted as parent and child, not merely present.
 */
export const contactTraceIn = (spans: readonly RecordedSpan[], transport: Transport): ContactTrace => {
  const request = only(spans, 'the REST request', (span) => span.kind === 'SERVER' && span.name === 'POST /api/v1/contacts');
  const all = spans.filter((span) => span.traceId === request.traceId);
  const opened = only(all, 'the append of CaseOpened', (span) => span.name === 'append intake' && typesOf(span).includes('CaseOpened') && childOf(request)(span));
  const published =
    transport === 'kafka'
      ? succeeded(all, 'the relay publishing CaseOpened', (span) => span.kind === 'PRODUCER' && span.name === 'send collab.intake.events.v1' && childOf(opened)(span) && span.attributes['collab.event.type'] === 'CaseOpened')
      : undefined;
  // A delivery may take more than one attempt (workflow waits for a calendar it has not heard of yet):
  // each attempt is a span, and the one that routed the case is the routing append's parent.
  const attempts = all.filter(deliveredBy(transport, opened));
  // (A redelivery after a rebalance is a further attempt too; it appends nothing new.)
  const routed = only(all, 'the append routing the case', (span) => span.name === 'append workflow' && typesOf(span).includes('CaseQueued') && attempts.some((attempt) => childOf(attempt)(span)));
  const delivered = attempts.find((attempt) => childOf(attempt)(routed))!;
  const clocked = succeeded(all, 'the SLA clock keeper reacting to the routing', (span) => span.kind === 'CONSUMER' && span.name === 'process workflow.sla-clock-keeper' && childOf(routed)(span));
  return { request, opened, ...(published ? { published } : {}), delivered, routed, clocked, all };
};
