import { BriefMemory } from './brief-memory';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('BriefMemory: a look-up remembered for a moment', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000));

  it('given a read a moment ago, when looked up again within the ttl, then it is answered without reading', async () => {
    const memory = new BriefMemory<string, number>(1_000, clock);
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    await memory.lookUp('cn-standard', read);
    now += 999;
    expect(await memory.lookUp('cn-standard', read)).toBe(1);
    expect(reads).toBe(1);
  });

  it('given the ttl has passed, when looked up, then it reads again', async () => {
    const memory = new BriefMemory<string, number>(1_000, clock);
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    await memory.lookUp('cn-standard', read);
    now += 1_000;
    expect(await memory.lookUp('cn-standard', read)).toBe(2);
  });

  it('given concurrent look-ups of one key, then they share one read', async () => {
    const memory = new BriefMemory<string, number>(1_000, clock);
    const pending = deferred<number>();
    let reads = 0;
    const read = () => (reads++, pending.promise);
    const both = Promise.all([memory.lookUp('k', read), memory.lookUp('k', read)]);
    pending.resolve(7);
    expect(await both).toEqual([7, 7]);
    expect(reads).toBe(1);
  });

  it('given a write in this process, when the key is forgotten, then the next look-up reads the new row', async () => {
    const memory = new BriefMemory<string, string>(1_000, clock);
    let row = 'v1';
    await memory.lookUp('k', () => Promise.resolve(row));
    row = 'v2';
    memory.forget('k');
    expect(await memory.lookUp('k', () => Promise.resolve(row))).toBe('v2');
  });

  it('given a read that began before a forget, when it answers after it, then its old answer is not remembered', async () => {
    const memory = new BriefMemory<string, string>(1_000, clock);
    const slow = deferred<string>();
    const before = memory.lookUp('k', () => slow.promise);
    memory.forget('k');
    slow.resolve('old');
    expect(await before).toBe('old');
    expect(await memory.lookUp('k', () => Promise.resolve('new'))).toBe('new');
  });

  it('given a failed read, then the failure is not remembered', async () => {
    const memory = new BriefMemory<string, string>(1_000, clock);
    await expect(memory.lookUp('k', () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(await memory.lookUp('k', () => Promise.resolve('back'))).toBe('back');
  });
});
