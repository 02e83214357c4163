/** `npm run dlq`: the dead letters of a running service, and their replay (libs/service-kit/src/operations/dlq-cli.ts). */
import { runDlqCli } from '@collab/service-kit';

void runDlqCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then((code) => {
  process.exitCode = code;
});
