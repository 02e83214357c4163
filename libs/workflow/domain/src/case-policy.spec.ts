import { DEFAULT_CASE_POLICY, validateCasePolicy } from './case-policy';

describe('the case policy', () => {
  it('is valid by default', () => expect(validateCasePolicy(DEFAULT_CASE_POLICY)).toEqual([]));

  it('names every invalid setting', () =>
    expect(
      validateCasePolicy({ autoCloseAfterMinutes: 0, reopenWithinMinutes: 1.5, pingPongMaxBounces: -1 }).map(
        (error) => error.field,
      ),
    ).toEqual(['autoCloseAfterMinutes', 'reopenWithinMinutes', 'pingPongMaxBounces']));

  it('allows raising ping-pong on the first bounce', () =>
    expect(validateCasePolicy({ ...DEFAULT_CASE_POLICY, pingPongMaxBounces: 0 })).toEqual([]));
});
