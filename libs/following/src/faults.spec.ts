import { ContractViolation } from '@collab/contracts';
import { Conflict, IllegalTransition } from '@collab/domain-kernel';
import { classify, LeaseLost, NotYetKnown, PoisonEvent, Stopped, type Fault } from './faults';

const pgError = (code: string, message = 'database error'): Error =>
  Object.assign(new Error(message), { code });
const kafkaError = (name: string, retriable = false): Error =>
  Object.assign(new Error(name), { name, retriable });

describe('what a follower does with an error', () => {
  it.each<[string, unknown, Fault]>([
    [
      'connection refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      'transient',
    ],
    [
      'a connection the server terminated (pg_terminate_backend)',
      pgError('57P01', 'terminating connection due to administrator command'),
      'transient',
    ],
    ['the database starting up', pgError('57P03', 'the database system is starting up'), 'transient'],
    ['a serialization failure', pgError('40001'), 'transient'],
    ['a deadlock', pgError('40P01'), 'transient'],
    [
      'the append lock not granted in time',
      pgError('55P03', 'canceling statement due to lock timeout'),
      'transient',
    ],
    ['pg losing its socket', new Error('Connection terminated unexpectedly'), 'transient'],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect'), 'transient'],
    ['a query that got no answer in time', new Error('Query read timeout'), 'transient'],
    [
      'a socket error under a driver error',
      Object.assign(new Error('query failed'), {
        cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      }),
      'transient',
    ],
    ['kafkajs: broker unreachable', kafkaError('KafkaJSConnectionError'), 'transient'],
    ['kafkajs: retries exhausted', kafkaError('KafkaJSNumberOfRetriesExceeded'), 'transient'],
    ['kafkajs: a retriable protocol error', kafkaError('KafkaJSProtocolError', true), 'transient'],
    [
      "another service's event not known yet",
      new NotYetKnown('calendar cn-standard not known yet'),
      'waiting',
    ],
    ['an event that does not decode', new PoisonEvent('not a CloudEvent'), 'poison'],
    ['a refusal by the domain', new IllegalTransition('AssignCase', 'closed'), 'poison'],
    ['a conflict the domain reports', new Conflict('already there'), 'poison'],
    [
      'a message that breaks its published contract',
      new ContractViolation('collab.intake.CaseOpened.v2', 'e-1', 'caseId: expected a UUID'),
      'poison',
    ],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'caseId')"), 'unknown'],
    ['a bad statement', pgError('42P01', 'relation "workflow.nope" does not exist'), 'unknown'],
    ['a thrown string', 'boom', 'unknown'],
    ['stopping', new Stopped(), 'stopping'],
    ['a lost lease', new LeaseLost('projections:workflow'), 'stopping'],
  ])('%s → %s', (_what, error, fault) => expect(classify(error)).toBe(fault));
});
