/**
 * Test hooks — the clock file and failpoints — are honoured only when NODE_ENV is `test` (as jest
 * sets it, and the processes a test spawns inherit it). A production image sets NODE_ENV to
 * `production` and a bare `node` sets nothing: in both a stray CLOCK_FILE or FAILPOINTS does nothing.
 */
export const testHooksAllowed = (env: NodeJS.ProcessEnv): boolean => env['NODE_ENV'] === 'test';
