import { InvalidConfiguration, loadPlatformConfig } from '@collab/service-kit';

/** The lines a refused configuration prints, one per problem. */
const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadPlatformConfig(env);
    return [];
  } catch (error) {
    if (error instanceof InvalidConfiguration) return error.problems;
    throw error;
  }
};

describe('the SLA settings', () => {
  it('default to a three-day quiet period and a one-second look for due timers', () =>
    expect(loadPlatformConfig({})).toMatchObject({ WORKFLOW_AUTO_CLOSE_MINUTES: 4320, WORKFLOW_SLA_POLL_MS: 1000 }));

  it('are read from the environment', () =>
    expect(loadPlatformConfig({ WORKFLOW_AUTO_CLOSE_MINUTES: '60', WORKFLOW_SLA_POLL_MS: '50' })).toMatchObject({
      WORKFLOW_AUTO_CLOSE_MINUTES: 60,
      WORKFLOW_SLA_POLL_MS: 50,
    }));

  it.each([
    [{ WORKFLOW_AUTO_CLOSE_MINUTES: 'three days' }, 'config: WORKFLOW_AUTO_CLOSE_MINUTES must be a number of minutes (got "three days")'],
    [{ WORKFLOW_AUTO_CLOSE_MINUTES: '0' }, 'config: WORKFLOW_AUTO_CLOSE_MINUTES must be at least 1 minute (got "0")'],
    [{ WORKFLOW_AUTO_CLOSE_MINUTES: '90.5' }, 'config: WORKFLOW_AUTO_CLOSE_MINUTES must be a whole number of minutes (got "90.5")'],
    [{ WORKFLOW_AUTO_CLOSE_MINUTES: '600000' }, 'config: WORKFLOW_AUTO_CLOSE_MINUTES must be at most 525600 minutes (a year) (got "600000")'],
    [{ WORKFLOW_SLA_POLL_MS: '5' }, 'config: WORKFLOW_SLA_POLL_MS must be at least 10 ms (got "5")'],
    [{ WORKFLOW_SLA_POLL_MS: '120000' }, 'config: WORKFLOW_SLA_POLL_MS must be at most 60000 ms (got "120000")'],
  ])('refuses %j with one clear line', (env, line) => expect(problemsOf(env)).toEqual([line]));

  it('names each bad setting on its own line', () =>
    expect(problemsOf({ WORKFLOW_AUTO_CLOSE_MINUTES: '-1', WORKFLOW_SLA_POLL_MS: 'often' })).toHaveLength(2));
});

describe('the urge interval (催办)', () => {
  it('defaults to an hour and is read from the environment', () => {
    expect(loadPlatformConfig({})).toMatchObject({ WORKFLOW_URGE_INTERVAL_MINUTES: 60 });
    expect(loadPlatformConfig({ WORKFLOW_URGE_INTERVAL_MINUTES: '15' })).toMatchObject({ WORKFLOW_URGE_INTERVAL_MINUTES: 15 });
  });

  it('is refused outside 1 minute to a day, naming the variable', () => {
    expect(problemsOf({ WORKFLOW_URGE_INTERVAL_MINUTES: '0' })).toEqual(['config: WORKFLOW_URGE_INTERVAL_MINUTES must be at least 1 minute (got "0")']);
    expect(problemsOf({ WORKFLOW_URGE_INTERVAL_MINUTES: '2000' })).toEqual(['config: WORKFLOW_URGE_INTERVAL_MINUTES must be at most 1440 minutes (a day) (got "2000")']);
  });
});
