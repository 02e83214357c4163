import { CLOUDEVENTS_CONTENT_TYPE, SERVICE_NAMES, type CollabEvent } from '@collab/contracts';
import { CloudEvent, ValidationError } from 'cloudevents';

/** Header values as Kafka clients hand them over. */
export type WireHeaders = Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;

export interface EncodedCollabEvent {
  readonly key: string;
  readonly value: string;
  readonly headers: { readonly 'content-type': string };
}

/**
 * Structured content mode of the CloudEvents Kafka binding (DESIGN.md §5): the whole envelope is
 * the JSON value, the key is the stream id so one case's events stay in one partition, in order.
 * The envelope is written as built (not through the `cloudevents` class, whose serialiser rewrites
 * `time`), so analysts read exactly what `toCollabEvent` produced.
 */
export const encodeCollabEvent = (event: CollabEvent): EncodedCollabEvent => ({
  key: event.subject,
  value: JSON.stringify(event),
  headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
});

export type Decoded = { readonly ok: true; readonly event: CollabEvent } | { readonly ok: false; readonly reason: string };

const headerText = (value: WireHeaders[string]): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

const SOURCES = new Set(SERVICE_NAMES.map((service) => `/collab/${service}`));

const isText = (value: unknown): boolean => typeof value === 'string' && value !== '';

/**
 * The fields and extensions our envelope promises beyond what CloudEvents itself requires. The
 * `cloudevents` class fills a missing id and specversion in, so those are checked here too.
 */
const COLLAB_SHAPE: readonly (readonly [string, (value: Record<string, unknown>) => boolean])[] = [
  ['specversion is not 1.0', (value) => value['specversion'] === '1.0'],
  ['source is not a collab service', (value) => typeof value['source'] === 'string' && SOURCES.has(value['source'])],
  ...(['id', 'type', 'subject', 'time', 'dataschema', 'position', 'correlationid', 'actor'] as const).map(
    (field) => [`${field} is missing`, (value: Record<string, unknown>) => isText(value[field])] as const,
  ),
  ['streamversion is not an integer', (value) => Number.isInteger(value['streamversion'])],
  ['datacontenttype is not application/json', (value) => value['datacontenttype'] === 'application/json'],
  ['data is not an object', (value) => typeof value['data'] === 'object' && value['data'] !== null],
];

const collabShapeProblem = (value: Record<string, unknown>): string | undefined =>
  COLLAB_SHAPE.find(([, holds]) => !holds(value))?.[0];

const cloudEventProblem = (value: Record<string, unknown>): string | undefined => {
  try {
    new CloudEvent(value, true);
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError || error instanceof TypeError)) throw error;
    const details = error instanceof ValidationError ? (error.errors ?? []).map((detail) => JSON.stringify(detail)) : [];
    return [`not a CloudEvent: ${error.message}`, ...details].join('; ');
  }
};

const parseObject = (value: Buffer): Record<string, unknown> | string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return `value is not JSON: ${(error as Error).message}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'value is not a JSON object';
  return parsed as Record<string, unknown>;
};

/** A message is either a valid collab CloudEvent or a reason it is not (it then goes to the DLQ unhandled). */
export const decodeCollabEvent = (value: Buffer | null, headers: WireHeaders | undefined): Decoded => {
  const contentType = headerText(headers?.['content-type']);
  if (!contentType?.startsWith(CLOUDEVENTS_CONTENT_TYPE))
    return { ok: false, reason: `content-type is ${contentType ?? 'missing'}, not ${CLOUDEVENTS_CONTENT_TYPE}` };
  if (value === null) return { ok: false, reason: 'the message has no value' };
  const record = parseObject(value);
  if (typeof record === 'string') return { ok: false, reason: record };
  const problem = collabShapeProblem(record) ?? cloudEventProblem(record);
  return problem === undefined ? { ok: true, event: record as unknown as CollabEvent } : { ok: false, reason: problem };
};
