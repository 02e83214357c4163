import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Failpoints } from './failpoints';
import { clockFromEnvironment } from './test-clock';

describe('failpoints', () => {
  const sent = (failpoints: Failpoints, point: string): NodeJS.Signals[] => {
    const signals: NodeJS.Signals[] = [];
    failpoints.reached(point, (signal) => signals.push(signal));
    return signals;
  };

  it('SIGKILL or SIGSTOP the process at a named point, the first time only', () => {
    const failpoints = Failpoints.fromEnvironment({ NODE_ENV: 'test', FAILPOINTS: 'sla.after-append:kill, sla.after-claim:stop' });
    expect(sent(failpoints, 'sla.after-claim')).toEqual(['SIGSTOP']);
    expect(sent(failpoints, 'sla.after-append')).toEqual(['SIGKILL']);
    expect(sent(failpoints, 'sla.after-append')).toEqual([]);
    expect(sent(failpoints, 'elsewhere')).toEqual([]);
  });

  it.each([{ NODE_ENV: 'production' }, { NODE_ENV: 'development' }, {}])('do nothing outside NODE_ENV=test (%j)', (env) =>
    expect(sent(Failpoints.fromEnvironment({ ...env, FAILPOINTS: 'sla.after-append:kill' }), 'sla.after-append')).toEqual([]));

  it('refuse an action they do not know, naming the entry', () =>
    expect(() => Failpoints.fromEnvironment({ NODE_ENV: 'test', FAILPOINTS: 'sla.after-append:explode' })).toThrow('"sla.after-append:explode"'));
});

describe('the clock file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'clock-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells the time the test set, moved by the offset in the file', async () => {
    const file = join(dir, 'offset');
    writeFileSync(file, String(-3_600_000));
    const clock = clockFromEnvironment({ NODE_ENV: 'test', CLOCK_FILE: file })!;
    expect(Math.abs(clock.now().getTime() - (Date.now() - 3_600_000))).toBeLessThan(1_000);
    writeFileSync(file, String(86_400_000));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(Math.abs(clock.now().getTime() - (Date.now() + 86_400_000))).toBeLessThan(1_000);
  });

  it('is not used outside NODE_ENV=test', () =>
    expect(clockFromEnvironment({ NODE_ENV: 'production', CLOCK_FILE: join(dir, 'offset') })).toBeUndefined());
});
