/**
 * Rate limits out of the way of tests and benchmarks that measure or load the platform (fault
 * loads, throughput): a one-second window holding more than two cores can serve. The harnesses
 * (spawned services, the embedded platform) start with these unless a test sets its own, as the
 * rate-limit specs do.
 */
export const UNTHROTTLED: Readonly<Record<string, string>> = {
  RATE_LIMIT_WINDOW_SECONDS: '1',
  RATE_LIMIT_PER_CLIENT: '50000',
  RATE_LIMIT_PER_CHANNEL: '50000',
  RATE_LIMIT_PER_ADDRESS: '50000',
};
