import { InvalidConfiguration, loadPlatformConfig } from '../config/platform.config';
import { redactUrl } from '../logging/redact';
import { DatabaseUnavailable } from './database';
import { HttpListenFailed, startFailureReason } from './start-failure';

const errno = (code: string, message = code): NodeJS.ErrnoException =>
  Object.assign(new Error(message), { code });

describe('the one line a failed start prints', () => {
  it('names every configuration problem on one line', () => {
    const error = new InvalidConfiguration([
      'config: HTTP_PORT must be a port number 0-65535 (got "99999")',
      'config: LOG_LEVEL Invalid option',
    ]);
    expect(startFailureReason(error)).toBe(
      'config: HTTP_PORT must be a port number 0-65535 (got "99999"); config: LOG_LEVEL Invalid option',
    );
  });

  it('never shows a secret or a password given in a bad setting', () => {
    const reason = (() => {
      try {
        loadPlatformConfig({
          AUTH_JWT_SECRET: 'too-short',
          DATABASE_URL: 'postgres://app:hunter2@db:port/collab',
          SERVICE: 'platform',
        });
        return 'no error';
      } catch (error) {
        return startFailureReason(error);
      }
    })();
    expect(reason).toContain('config: AUTH_JWT_SECRET must be at least 16 characters');
    expect(reason).toContain('postgres://app:***@db:port/collab');
    expect(reason).not.toMatch(/too-short|hunter2/);
  });

  it('refuses a secret under 32 characters in the distributed mode, naming the setting on one line', () => {
    const distributed = { DATABASE_URL: 'postgres://db/collab', KAFKA_BROKERS: 'kafka:9092', SERVICE: 'intake' };
    expect(() => loadPlatformConfig({ ...distributed, AUTH_JWT_SECRET: 'twenty-six-characters-long' })).toThrow(
      'config: AUTH_JWT_SECRET must be at least 32 characters in the distributed mode',
    );
    expect(loadPlatformConfig({ ...distributed, AUTH_JWT_SECRET: 'thirty-two-characters-long-12345' }).AUTH_JWT_SECRET).toHaveLength(32);
    // Embedded, the folder's own secret file is the usual source; a set variable still needs 16.
    expect(loadPlatformConfig({ AUTH_JWT_SECRET: 'twenty-six-characters-long' }).AUTH_JWT_SECRET).toHaveLength(26);
  });

  it.each([
    [
      'nobody listens',
      errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5999'),
      'database postgres://postgres:***@127.0.0.1:5999/x unreachable (ECONNREFUSED)',
    ],
    [
      'no such host',
      errno('ENOTFOUND'),
      'database postgres://postgres:***@127.0.0.1:5999/x unreachable (ENOTFOUND)',
    ],
    [
      'no answer',
      new Error('Connection terminated due to connection timeout'),
      'database postgres://postgres:***@127.0.0.1:5999/x unreachable (no answer within 5 s)',
    ],
    [
      'no such database',
      errno('3D000', 'database "x" does not exist'),
      'database postgres://postgres:***@127.0.0.1:5999/x refused the connection: database "x" does not exist (3D000)',
    ],
  ])('says why the database is unavailable (%s), without its password', (_case, cause, line) => {
    expect(
      startFailureReason(new DatabaseUnavailable('postgres://postgres:s3cret@127.0.0.1:5999/x', cause)),
    ).toBe(line);
  });

  it('names a taken HTTP port, and any other listen error by its code', () => {
    expect(startFailureReason(new HttpListenFailed('127.0.0.1', 3000, errno('EADDRINUSE')))).toBe(
      'HTTP port 127.0.0.1:3000 is taken (EADDRINUSE)',
    );
    expect(startFailureReason(new HttpListenFailed('10.9.9.9', 80, errno('EADDRNOTAVAIL')))).toBe(
      'HTTP cannot listen on 10.9.9.9:80 (EADDRNOTAVAIL)',
    );
  });

  it('puts a multi-line message on one line and masks a password in a quoted URL', () => {
    expect(
      startFailureReason(new Error('cannot reach esdb://admin:changeit@es:2113\n  at the first read')),
    ).toBe('cannot reach esdb://admin:***@es:2113; at the first read');
    expect(startFailureReason('thrown text')).toBe('thrown text');
  });

  it('says that a kafkajs error is about Kafka', () => {
    const kafkajs = Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9'), {
      name: 'KafkaJSNumberOfRetriesExceeded',
    });
    expect(startFailureReason(kafkajs)).toBe('Kafka: Connection error: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('masks the password of a URL given as a parameter too', () => {
    expect(redactUrl('postgres://db/collab?user=app&password=hunter2')).toBe(
      'postgres://db/collab?user=app&password=***',
    );
  });
});
