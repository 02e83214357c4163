import { runReplayCommand } from './replay.command';

/** `npm run replay -- <service> --topic <name> [--from ISO] [--to ISO]`; Ctrl-C stops after the batch in flight. */
const interrupted = new AbortController();
process.once('SIGINT', () => {
  interrupted.abort();
  process.once('SIGINT', () => process.exit(130));
});
void runReplayCommand(process.argv.slice(2), { out: process.stdout, env: process.env, signal: interrupted.signal }).then((code) => {
  process.exitCode = interrupted.signal.aborted && code !== 0 ? 130 : code;
});
