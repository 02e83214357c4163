import type { RecordedEvent } from '../event-store.port';
import { completeCommits } from './esdb-subscription';

/** Events of appends: each append's events share its commit position, as on EventStoreDB. */
const commits = (...sizes: number[]): RecordedEvent[] =>
  sizes.flatMap((size, commit) =>
    Array.from({ length: size }, (_, index) => ({ id: `${commit}-${index}`, position: BigInt((commit + 1) * 100) }) as unknown as RecordedEvent),
  );

describe('a full EventStoreDB batch ends on a commit boundary', () => {
  it('holds the trailing commit back for the next batch', () => {
    const { ready, held } = completeCommits(commits(2, 3, 2));
    expect(ready.map((event) => event.id)).toEqual(['0-0', '0-1', '1-0', '1-1', '1-2']);
    expect(held.map((event) => event.id)).toEqual(['2-0', '2-1']);
  });

  it('sends a commit that fills the batch alone whole, never split', () => {
    const { ready, held } = completeCommits(commits(5));
    expect(ready).toHaveLength(5);
    expect(held).toEqual([]);
  });

  it('never leaves a checkpoint inside a commit: every ready batch ends where a commit ends', () => {
    const pending = commits(1, 4, 1, 3);
    const { ready } = completeCommits(pending);
    const last = ready[ready.length - 1]!;
    expect(pending.filter((event) => event.position === last.position)).toEqual(ready.filter((event) => event.position === last.position));
  });
});
