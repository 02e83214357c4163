import { z } from 'zod';
import { TooSoon } from '@collab/domain-kernel';
import { errorToProblem, fieldErrorsOf } from './error-to-problem';

const contact = z
  .object({ subject: z.string(), requester: z.object({ email: z.email() }).strict() })
  .strict();
const fieldsRefused = (body: unknown): string[] => {
  const result = contact.safeParse(body);
  if (result.success) throw new Error('expected the body to be refused');
  return fieldErrorsOf(result.error).map((error) => error.field);
};

describe('naming the invalid fields of a request', () => {
  it('names a missing field and a nested one by their paths', () =>
    expect(fieldsRefused({ requester: { email: 'not an email' } })).toEqual(['subject', 'requester.email']));

  it('names each unknown field on its own, though the validator reports them together', () =>
    expect(
      fieldsRefused({
        subject: 'x',
        requester: { email: 'a@b.fi', colour: 'red', size: 3 },
        id: 'x',
        tags: [],
      }),
    ).toEqual(['requester.colour', 'requester.size', 'id', 'tags']));

  it('calls a body that is not an object "body"', () => expect(fieldsRefused('a string')).toEqual(['body']));
});

describe('a store or broker that is away', () => {
  it('is a 503 asking the client to retry, not a fault of ours', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const cut = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    for (const error of [refused, cut, new Error('Connection terminated unexpectedly'), new Error('timeout exceeded when trying to connect')])
      expect(errorToProblem(error)).toMatchObject({ status: 503, type: expect.stringMatching(/\/unavailable$/), retryAfterSeconds: expect.any(Number) });
  });

  it('leaves a bug a bug: an error nobody knows is still a 500', () => {
    expect(errorToProblem(new TypeError('x is undefined'))).toBeUndefined();
    expect(errorToProblem(Object.assign(new Error('syntax error at or near "form"'), { code: '42601' }))).toBeUndefined();
  });
});

describe('a request repeated before its interval has passed', () => {
  it('is a 429 saying from when it may be repeated, in seconds for Retry-After', () =>
    expect(errorToProblem(new TooSoon('urged at 09:30', new Date('2026-12-07T02:30:00Z'), new Date('2026-12-07T02:00:01Z')))).toMatchObject({
      status: 429,
      type: expect.stringMatching(/\/too-soon$/),
      detail: 'urged at 09:30',
      retryAfter: '2026-12-07T02:30:00.000Z',
      retryAfterSeconds: 1799,
    }));
});
