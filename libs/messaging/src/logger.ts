/**
 * The few log calls messaging makes. A pino logger (`nestjs-pino`'s too) fits as it is, so the
 * host passes its own; the default writes to the console because a relay or consumer that
 * retries must never do so silently.
 */
export interface MessagingLogger {
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

export const consoleMessagingLogger: MessagingLogger = {
  warn: (context, message) => console.warn(message, context),
  error: (context, message) => console.error(message, context),
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
