import { InvalidConfiguration } from '../config/platform.config';
import { redactCredentials } from '../logging/redact';

/** The HTTP listener could not bind: the port is taken, not ours to take, or the host is not this machine. */
export class HttpListenFailed extends Error {
  override readonly name = 'HttpListenFailed';
  constructor(host: string, port: number, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'unknown error';
    super(
      code === 'EADDRINUSE'
        ? `HTTP port ${host}:${port} is taken (EADDRINUSE)`
        : `HTTP cannot listen on ${host}:${port} (${code})`,
      { cause },
    );
  }
}

/**
 * Why a start failed, as the one line an operator reads (`<service> could not start: <this>`):
 * each configuration problem named, the rest the error's own message on one line, with any
 * password in a quoted URL masked.
 */
export const startFailureReason = (error: unknown): string => {
  const text =
    redactCredentials(
      messageOf(error)
        .trim()
        .replace(/\s*\n\s*/g, '; '),
    ) || 'unknown error';
  // kafkajs's messages ("Connection error: connect ECONNREFUSED …") do not say they are about Kafka.
  return error instanceof Error && error.name.startsWith('KafkaJS') ? `Kafka: ${text}` : text;
};

const messageOf = (error: unknown): string => {
  if (error instanceof InvalidConfiguration) return error.problems.join('; ');
  return error instanceof Error ? error.message : String(error);
};
