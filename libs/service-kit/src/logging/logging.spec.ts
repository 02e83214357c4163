import { Writable } from 'node:stream';
import { consoleMessagingLogger, routeMessagingLogs } from '@collab/messaging';
import { createRootLogger, routeMessagingLogsTo } from './logging';

/** A pino destination that keeps each JSON line. */
const lines = () => {
  const kept: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      kept.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { kept, stream };
};

describe("messaging's logs in a service process", () => {
  afterEach(() => routeMessagingLogs(undefined));

  it('come out of the root logger as JSON, with the service, the component and the level', () => {
    const { kept, stream } = lines();
    routeMessagingLogsTo(createRootLogger({ SERVICE: 'workflow', LOG_LEVEL: 'info' }, stream));

    consoleMessagingLogger.error(
      { kafkajs: 'Connection', broker: '127.0.0.1:9' },
      'Connection error: connect ECONNREFUSED',
    );
    consoleMessagingLogger.info?.(
      { kafkajs: 'Consumer', groupId: 'workflow' },
      'Consumer has joined the group',
    );
    consoleMessagingLogger.debug?.({ kafkajs: 'Fetcher' }, 'below info: not kept');

    expect(kept).toEqual([
      expect.objectContaining({
        level: 50,
        service: 'workflow',
        component: 'messaging',
        kafkajs: 'Connection',
        broker: '127.0.0.1:9',
        msg: 'Connection error: connect ECONNREFUSED',
      }),
      expect.objectContaining({
        level: 30,
        service: 'workflow',
        component: 'messaging',
        kafkajs: 'Consumer',
        groupId: 'workflow',
        msg: 'Consumer has joined the group',
      }),
    ]);
    expect(consoleMessagingLogger.level).toBe('info');
  });
});
