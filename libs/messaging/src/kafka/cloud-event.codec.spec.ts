import type { CollabEvent } from '@collab/contracts';
import { toCollabEvent } from '../envelope';
import { caseId, caseOpened, intakeContract } from '../testing/collab-fixtures';
import { decodeCollabEvent, encodeCollabEvent } from './cloud-event.codec';

const structured = { 'content-type': 'application/cloudevents+json' };
const anEvent = (): CollabEvent =>
  toCollabEvent(intakeContract, { ...caseOpened(), streamId: caseId(), streamVersion: 1, position: 42n, recordedAt: new Date() });
const valueOf = (event: Record<string, unknown>) => Buffer.from(JSON.stringify(event));

describe('the CloudEvents structured-mode codec', () => {
  it('writes the envelope as built, keyed by its stream id, and reads it back unchanged', () => {
    const event = { ...anEvent(), time: '2030-01-01T08:00:00Z' };
    const encoded = encodeCollabEvent(event);

    expect(encoded.key).toBe(event.subject);
    expect(encoded.headers).toEqual(structured);
    expect(JSON.parse(encoded.value)).toEqual(event);
    expect(decodeCollabEvent(Buffer.from(encoded.value), encoded.headers)).toEqual({ ok: true, event });
  });

  it('carries the trace context an event was appended in as the distributed-tracing extension', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const stored = caseOpened();
    const traced = { ...stored, metadata: { ...stored.metadata, traceparent, tracestate: 'vendor=x' } };
    const event = toCollabEvent(intakeContract, { ...traced, streamId: caseId(), streamVersion: 1, position: 42n, recordedAt: new Date() });

    expect(event).toMatchObject({ traceparent, tracestate: 'vendor=x' });
    expect(decodeCollabEvent(Buffer.from(encodeCollabEvent(event).value), structured)).toEqual({ ok: true, event });
    expect(anEvent()).not.toHaveProperty('traceparent');
  });

  it('accepts a header value given as a Buffer, as kafkajs delivers it', () => {
    const event = anEvent();
    expect(decodeCollabEvent(valueOf({ ...event }), { 'content-type': Buffer.from('application/cloudevents+json; charset=utf-8') })).toMatchObject({ ok: true });
  });

  const { id: _id, ...withoutId } = anEvent();
  it.each<[string, Buffer | null, Record<string, string> | undefined, RegExp]>([
    ['no content-type header', valueOf({ ...anEvent() }), undefined, /content-type is missing/],
    ['binary mode (plain JSON content-type)', valueOf({ ...anEvent() }), { 'content-type': 'application/json' }, /not application\/cloudevents\+json/],
    ['an empty value (tombstone)', null, structured, /no value/],
    ['a value that is not JSON', Buffer.from('{not json'), structured, /not JSON/],
    ['a JSON array', Buffer.from('[1,2]'), structured, /not a JSON object/],
    ['no id', valueOf(withoutId), structured, /id is missing/],
    ['another spec version', valueOf({ ...anEvent(), specversion: '0.3' }), structured, /specversion/],
    ['a source outside the platform', valueOf({ ...anEvent(), source: '/billing' }), structured, /source/],
    ['a non-integer streamversion', valueOf({ ...anEvent(), streamversion: '1' }), structured, /streamversion/],
    ['an invalid extension name', valueOf({ ...anEvent(), Bad_Name: 'x' }), structured, /not a CloudEvent/],
  ])('rejects %s with a reason for the dead-letter header', (_case, value, headers, reason) => {
    const decoded = decodeCollabEvent(value, headers);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(reason);
  });
});
