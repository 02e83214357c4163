import { ANY, NO_STREAM, START, type AllStreamResolvedEvent } from '@eventstore/db-client';
import {
  readPositionAfter,
  StreamNames,
  toExpectedRevision,
  toRecordedEvent,
  versionOf,
} from './esdb-mapping';

const resolved = (
  streamId: string,
  type: string,
  overrides: { isJson?: boolean } = {},
): AllStreamResolvedEvent =>
  ({
    event: {
      streamId,
      id: '0b6b2f0e-6a43-4b8c-9d0e-2f7b1d3c4e5f',
      isJson: overrides.isJson ?? true,
      revision: 2n,
      type,
      created: new Date(0),
      data: { subject: '账单' },
      metadata: { correlationId: 'c-1', actor: { id: 'a', kind: 'user' } },
      position: { commit: 1234n, prepare: 1200n },
    },
    commitPosition: 1234n,
  }) as AllStreamResolvedEvent;

describe('mapping the port onto EventStoreDB', () => {
  it.each([
    ['any', ANY],
    ['no_stream', NO_STREAM],
    [0, NO_STREAM],
    [1, 0n],
    [5, 4n],
  ] as const)('expected version %p is ESDB expected revision %p', (expected, revision) => {
    expect(toExpectedRevision(expected)).toBe(revision);
  });

  it('a current revision of n is version n + 1, and no stream is version 0', () => {
    expect(versionOf(NO_STREAM)).toBe(0);
    expect(versionOf(4n)).toBe(5);
  });

  it('resumes from the start for 0n and from the commit position otherwise', () => {
    expect(readPositionAfter(0n)).toBe(START);
    expect(readPositionAfter(99n)).toEqual({ commit: 99n, prepare: 99n });
  });

  it('maps a JSON event of its own prefix, with 1-based version and the commit position', () => {
    const names = new StreamNames('intake');
    expect(toRecordedEvent(names, resolved('intake-case-1', 'CaseOpened'))).toMatchObject({
      streamId: 'case-1',
      streamVersion: 3,
      position: 1234n,
      data: { subject: '账单' },
    });
  });

  it.each([
    ['another service', 'workflow-case-1', 'CaseOpened', true],
    ['a system event', 'intake-case-1', '$metadata', true],
    ['a binary event', 'intake-case-1', 'CaseOpened', false],
    ['a prefix lookalike', 'intakex-case-1', 'CaseOpened', true],
  ])('ignores %s', (_, stream, type, isJson) => {
    expect(toRecordedEvent(new StreamNames('intake'), resolved(stream, type, { isJson }))).toBeUndefined();
  });
});
