import { logLevel } from 'kafkajs';
import { consoleMessagingLogger, routeMessagingLogs, type MessagingLogger } from '../logger';
import { createKafka, kafkaLevelFor, loggerMethodFor } from './kafka-connection';

type Line = readonly [method: string, context: Record<string, unknown>, message: string];

/** A pino-shaped logger that remembers what it was asked to write. */
const recordingLogger = (level?: string): MessagingLogger & { readonly lines: Line[] } => {
  const lines: Line[] = [];
  const write = (method: string) => (context: Record<string, unknown>, message: string) =>
    void lines.push([method, context, message]);
  return {
    lines,
    level,
    warn: write('warn'),
    error: write('error'),
    info: write('info'),
    debug: write('debug'),
  };
};

const options = { brokers: ['127.0.0.1:9'], clientId: 'log-spec' };

describe('kafkajs logs through the host logger', () => {
  afterEach(() => routeMessagingLogs(undefined));

  it.each([
    [logLevel.ERROR, 'error'],
    [logLevel.WARN, 'warn'],
    [logLevel.INFO, 'info'],
    [logLevel.DEBUG, 'debug'],
    [logLevel.NOTHING, undefined],
  ])('writes a kafkajs level %s line with the logger method %s', (level, method) => {
    expect(loggerMethodFor(level)).toBe(method);
  });

  it.each([
    ['silent', logLevel.NOTHING],
    ['fatal', logLevel.ERROR],
    ['error', logLevel.ERROR],
    ['warn', logLevel.WARN],
    ['info', logLevel.INFO],
    ['debug', logLevel.DEBUG],
    ['trace', logLevel.DEBUG],
    [undefined, logLevel.WARN],
    ['verbose', logLevel.WARN],
  ])('asks kafkajs for the lines a logger at %s keeps (kafkajs level %s)', (hostLevel, expected) => {
    expect(kafkaLevelFor(hostLevel)).toBe(expected);
  });

  it('writes each line with its level, its namespace and its fields, without kafkajs own timestamp', () => {
    const logger = recordingLogger('debug');
    const kafkajs = createKafka(options, logger).logger();

    kafkajs
      .namespace('Consumer')
      .info('Consumer has joined the group', { groupId: 'workflow', memberId: 'm-1' });
    kafkajs
      .namespace('Connection')
      .error('Connection error: connect ECONNREFUSED', { broker: '127.0.0.1:9' });
    kafkajs.namespace('Producer').warn('Producer is slow', { topic: 't' });
    kafkajs.namespace('Fetcher').debug('Fetching from 1 broker', { nodeId: 1 });

    expect(logger.lines).toEqual([
      [
        'info',
        { groupId: 'workflow', memberId: 'm-1', kafkajs: 'Consumer' },
        'Consumer has joined the group',
      ],
      ['error', { broker: '127.0.0.1:9', kafkajs: 'Connection' }, 'Connection error: connect ECONNREFUSED'],
      ['warn', { topic: 't', kafkajs: 'Producer' }, 'Producer is slow'],
      ['debug', { nodeId: 1, kafkajs: 'Fetcher' }, 'Fetching from 1 broker'],
    ]);
  });

  it('keeps kafkajs below the logger threshold, and an explicit kafkajs level wins', () => {
    const atWarn = recordingLogger('warn');
    const quiet = createKafka(options, atWarn).logger();
    quiet.info('joined', {});
    quiet.warn('slow', {});
    expect(atWarn.lines.map(([method]) => method)).toEqual(['warn']);

    const chatty = recordingLogger('warn');
    createKafka({ ...options, logLevel: 'info' }, chatty)
      .logger()
      .info('joined', {});
    expect(chatty.lines.map(([method]) => method)).toEqual(['info']);
  });

  it('leaves out the warning the relay expects (bounded idempotent producer retries)', () => {
    const logger = recordingLogger('info');
    createKafka(options, logger).logger().warn('Limiting retries for the idempotent producer to 3', {});
    expect(logger.lines).toEqual([]);
  });

  it('sends the default logger to the logger the host routed, with its level', () => {
    const host = recordingLogger('info');
    routeMessagingLogs(host);
    const kafkajs = createKafka(options, consoleMessagingLogger).logger();
    kafkajs.namespace('Admin').info('created topics', { topics: 2 });
    kafkajs.namespace('Admin').debug('not kept at info', {});
    expect(host.lines).toEqual([['info', { topics: 2, kafkajs: 'Admin' }, 'created topics']]);
  });
});
