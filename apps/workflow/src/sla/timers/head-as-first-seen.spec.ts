import { HeadAsFirstSeen } from './head-as-first-seen';

/** A log under sustained load: every look at the head finds 10 more events; the keeper follows 8 per look, 20 behind. */
const underLoad = () => {
  let head = 100n;
  let keeper = 80n;
  return {
    head: () => Promise.resolve((head += 10n)),
    keeper: () => Promise.resolve((keeper += 8n)),
  };
};

describe('the SLA dispatcher’s wait for the clock keeper', () => {
  it('ends once the keeper passes the head as it was when the wait began, though the head moves on', async () => {
    const log = underLoad();
    const wait = new HeadAsFirstSeen(log.head, log.keeper);
    const looks: boolean[] = [];
    for (let poll = 0; poll < 4; poll++) looks.push(await wait.passed());
    // Head noted at 110; the keeper reaches 88, 96, 104, 112: the fourth look passes.
    expect(looks).toEqual([false, false, false, true]);
  });

  it('would never end if it chased the live head: a fresh wait at every look', async () => {
    const log = underLoad();
    const looks: boolean[] = [];
    for (let poll = 0; poll < 20; poll++) looks.push(await new HeadAsFirstSeen(log.head, log.keeper).passed());
    expect(looks).not.toContain(true);
  });

  it('passes at once when the keeper is level with the head', async () => {
    expect(await new HeadAsFirstSeen(() => Promise.resolve(42n), () => Promise.resolve(42n)).passed()).toBe(true);
  });
});
