import { runRebuildCommand } from './rebuild.command';

/** `npm run rebuild -- <service> <read-model>`; Ctrl-C stops it cleanly (a second one at once). */
const interrupted = new AbortController();
process.once('SIGINT', () => {
  interrupted.abort();
  process.once('SIGINT', () => process.exit(130));
});
void runRebuildCommand(process.argv.slice(2), { out: process.stdout, env: process.env, signal: interrupted.signal }).then((code) => {
  process.exitCode = interrupted.signal.aborted && code !== 0 ? 130 : code;
});
