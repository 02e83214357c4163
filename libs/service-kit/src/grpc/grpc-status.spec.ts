import { status } from '@grpc/grpc-js';
import { z } from 'zod';
import { EventIdConflict, WrongExpectedVersion } from '@collab/event-store';
import { Conflict, Forbidden, IllegalTransition, NotFound, TooSoon, ValidationFailed } from '../errors/domain-errors';
import { Unauthenticated } from '../auth/principal';
import { FIELD_ERRORS_TRAILER, toGrpcStatus } from './grpc-status';

const silent = { error: jest.fn() };

describe('toGrpcStatus', () => {
  beforeEach(() => silent.error.mockClear());

  it.each<[string, Error, status, string]>([
    ['Unauthenticated', new Unauthenticated('token expired'), status.UNAUTHENTICATED, 'token expired'],
    [
      'Forbidden',
      new Forbidden('requires role supervisor'),
      status.PERMISSION_DENIED,
      'requires role supervisor',
    ],
    ['NotFound', new NotFound('case', 'c-1'), status.NOT_FOUND, 'case c-1 was not found'],
    [
      'IllegalTransition',
      new IllegalTransition('ReturnTask', 'completed'),
      status.FAILED_PRECONDITION,
      'ReturnTask is not allowed',
    ],
    [
      'WrongExpectedVersion',
      new WrongExpectedVersion('case-1', 3, 4),
      status.ABORTED,
      'stream case-1 is at version 4',
    ],
    [
      'Conflict (idempotency)',
      new Conflict('request r-1 was used with another body'),
      status.ALREADY_EXISTS,
      'request r-1',
    ],
    [
      'TooSoon (an urge within the hour)',
      new TooSoon('task t-1 may be urged again from 10:00', new Date('2026-12-07T02:00:00Z'), new Date('2026-12-07T01:30:00Z')),
      status.RESOURCE_EXHAUSTED,
      'may be urged again',
    ],
    [
      'EventIdConflict',
      new EventIdConflict('e-1', 'case-1'),
      status.ALREADY_EXISTS,
      'event e-1 already exists',
    ],
  ])('maps %s', (_name, error, code, details) => {
    const result = toGrpcStatus(error, silent);
    expect(result.code).toBe(code);
    expect(result.details).toContain(details);
    expect(silent.error).not.toHaveBeenCalled();
  });

  it('answers UNAVAILABLE, unlogged, when the database is away, so the caller retries', () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(toGrpcStatus(terminated, silent)).toMatchObject({ code: status.UNAVAILABLE });
    expect(toGrpcStatus(new Error('timeout exceeded when trying to connect'), silent)).toMatchObject({ code: status.UNAVAILABLE });
    expect(silent.error).not.toHaveBeenCalled();
  });

  it('names every invalid field, in the message and as a trailer', () => {
    const result = toGrpcStatus(
      new ValidationFailed([
        { field: 'requester.phone', message: 'must be a phone number' },
        { field: 'subject', message: 'is required' },
      ]),
      silent,
    );
    expect(result.code).toBe(status.INVALID_ARGUMENT);
    expect(result.details).toBe(
      'invalid requester.phone, subject: requester.phone must be a phone number; subject is required',
    );
    const trailer = result.metadata.get(FIELD_ERRORS_TRAILER)[0] as Buffer;
    expect(JSON.parse(trailer.toString())).toEqual([
      { field: 'requester.phone', message: 'must be a phone number' },
      { field: 'subject', message: 'is required' },
    ]);
  });

  it('treats a zod failure as invalid arguments with their paths', () => {
    const parsed = z
      .object({ caseId: z.string().min(1), requester: z.object({ id: z.string() }) })
      .safeParse({ caseId: '', requester: {} });
    const result = toGrpcStatus(parsed.error, silent);
    expect(result.code).toBe(status.INVALID_ARGUMENT);
    expect(result.details).toMatch(/^invalid caseId, requester\.id: /);
  });

  it.each<[string, unknown]>([
    ['an unexpected error', new Error('connect ECONNREFUSED 10.0.0.7:5432')],
    ['a thrown string', 'boom'],
  ])('answers %s with INTERNAL, hides it and logs it', (_name, error) => {
    const result = toGrpcStatus(error, silent, '/collab.intake.v1.IntakeService/GetCase');
    expect(result).toMatchObject({ code: status.INTERNAL, details: 'internal error' });
    expect(silent.error).toHaveBeenCalledWith(
      { err: error, method: '/collab.intake.v1.IntakeService/GetCase' },
      'gRPC /collab.intake.v1.IntakeService/GetCase failed',
    );
  });
});
