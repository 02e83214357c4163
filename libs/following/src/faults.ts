import { ContractViolation } from '@collab/contracts';
import { DomainError } from '@collab/domain-kernel';

/**
 * What a follower does with an error (DESIGN §3 "Errors"):
 * - `transient`: the infrastructure failed (connection refused or cut, a timeout, a serialization
 *   failure, a broker that is away). Retried without limit, with a capped backoff; never skipped.
 * - `waiting`: the event needs another service's event first. Retried like `transient`; not an error.
 * - `poison`: the event will never be handled (undecodable, schema-invalid, refused by the domain
 *   for good). Dead-lettered, and its stream key parked.
 * - `unknown`: anything else (a bug?). Retried a few times, then treated as poison.
 * - `stopping`: the follower is stopping or lost its lease; its batch is handled again by whoever owns it next.
 */
export type Fault = 'transient' | 'waiting' | 'poison' | 'unknown' | 'stopping';

/** Thrown where a follower must stop now: its owner is stopping, or another replica holds its lease. */
export class Stopped extends Error {
  override readonly name = 'Stopped';
  constructor(reason = 'the follower is stopping') {
    super(reason);
  }
}

/** The follower's lease went to another replica (or could not be renewed): nothing it does now may commit. */
export class LeaseLost extends Error {
  override readonly name = 'LeaseLost';
  constructor(readonly lease: string) {
    super(`the lease ${lease} is held by another replica now`);
  }
}

/** An event that needs another service's event first (e.g. a calendar intake has not published yet). */
export class NotYetKnown extends Error {
  override readonly name: string = 'NotYetKnown';
}

/** An event that no retry will ever handle: undecodable, or invalid against its published schema. */
export class PoisonEvent extends Error {
  override readonly name = 'PoisonEvent';
}

// SQLSTATE classes of a database that is away or busy, not of a bad statement:
// 08 connection exception, 53 insufficient resources, 57 operator intervention (admin shutdown,
// cannot connect now), 58 system error; 40001 serialization failure, 40P01 deadlock, 55P03 lock not available.
const TRANSIENT_SQLSTATE = /^(08|53|57|58)|^(40001|40P01|55P03|55006)$/;
const TRANSIENT_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
const TRANSIENT_MESSAGE =
  /connection terminated|terminating connection|connection ended|timeout exceeded when trying to connect|Connection terminated unexpectedly|Client has encountered a connection error|the database system is (starting up|shutting down)|Client was closed|Cannot use a pool after calling end|lock timeout|canceling statement due to lock timeout|Query read timeout/i;
// kafkajs marks what its own retries gave up on; these errors say the broker, not the message, failed.
const KAFKA_TRANSIENT_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSConnectionClosedError',
  'KafkaJSTimeout',
]);

const fieldOf = (error: object, field: string): unknown => (error as Record<string, unknown>)[field];
const textOf = (error: object, field: string): string => {
  const value = fieldOf(error, field);
  return typeof value === 'string' ? value : '';
};

const saysTransient = (error: object): boolean => {
  const code = textOf(error, 'code');
  return (
    TRANSIENT_SQLSTATE.test(code) ||
    TRANSIENT_ERRNO.has(code) ||
    KAFKA_TRANSIENT_NAMES.has(textOf(error, 'name')) ||
    fieldOf(error, 'retriable') === true ||
    TRANSIENT_MESSAGE.test(textOf(error, 'message'))
  );
};

/** The error or any of its causes (a driver wraps the socket's error; kafkajs wraps its last retry's). */
const isTransient = (error: object, depth = 0): boolean => {
  if (saysTransient(error)) return true;
  const cause = fieldOf(error, 'cause') ?? fieldOf(error, 'originalError');
  return depth < 5 && typeof cause === 'object' && cause !== null && isTransient(cause, depth + 1);
};

const isObject = (error: unknown): error is object => typeof error === 'object' && error !== null;

/** Errors no retry will change: undecodable, breaking its published contract (read the same every time), refused by the domain. */
const POISON = [PoisonEvent, ContractViolation, DomainError] as const;

export const classify = (error: unknown): Fault => {
  if (error instanceof Stopped || error instanceof LeaseLost) return 'stopping';
  if (isObject(error) && fieldOf(error, 'name') === 'AbortError') return 'stopping';
  if (error instanceof NotYetKnown) return 'waiting';
  if (POISON.some((kind) => error instanceof kind)) return 'poison';
  return isObject(error) && isTransient(error) ? 'transient' : 'unknown';
};
