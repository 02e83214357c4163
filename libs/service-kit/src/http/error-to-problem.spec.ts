import { z } from 'zod';
import { fieldErrorsOf } from './error-to-problem';

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
