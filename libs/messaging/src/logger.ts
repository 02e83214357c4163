/**
 * The log calls messaging makes. A pino logger (`nestjs-pino`'s too) fits as it is, so the host
 * passes its own. `info` and `debug` are optional: without them kafkajs's informational lines are
 * dropped. `level` is the logger's own threshold (pino's `level`), so kafkajs is only asked for
 * lines somebody keeps.
 */
export interface MessagingLogger {
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
  info?(context: Record<string, unknown>, message: string): void;
  debug?(context: Record<string, unknown>, message: string): void;
  readonly level?: string | undefined;
}

let processLogger: MessagingLogger | undefined;

/**
 * Where messaging's default logger writes, for the whole process: the host (service-kit, with its
 * pino logger) routes it at start, so relays, consumers and kafkajs log as structured JSON like
 * everything else. `undefined` goes back to the console.
 */
export const routeMessagingLogs = (logger: MessagingLogger | undefined): void => {
  processLogger = logger;
};

/**
 * The default when a relay or consumer is given no logger: the process's logger once the host has
 * routed one, the console until then, because a relay or consumer that retries must never do so
 * silently. Informational lines need a routed logger; the console keeps only warnings and errors.
 */
export const consoleMessagingLogger: MessagingLogger = {
  warn: (context, message) => (processLogger ? processLogger.warn(context, message) : console.warn(message, context)),
  error: (context, message) => (processLogger ? processLogger.error(context, message) : console.error(message, context)),
  info: (context, message) => processLogger?.info?.(context, message),
  debug: (context, message) => processLogger?.debug?.(context, message),
  get level() {
    return processLogger?.level;
  },
};

export interface DescribedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

/** Handlers may throw anything; dead letters and logs need a name and a message. */
export const describeError = (error: unknown): DescribedError => {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  }
  return { name: typeof error, message: typeof error === 'string' ? error : safeStringify(error) };
};

const safeStringify = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};
