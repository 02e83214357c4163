// `npm test` on a fresh machine needs no other command: when KAFKA_BROKERS names no broker, the
// repo's own single-node KRaft broker (scripts/kafka.sh) is started for the run on free ports and
// stopped after it. Workers start after this and inherit KAFKA_BROKERS. Chromium, for the monitor
// page's browser test, is installed the same way when it is missing.
const { execFileSync } = require('node:child_process');
const { createServer } = require('node:net');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

module.exports = async () => {
  // The monitor page's browser test drives Debian's chromium: installed here when missing (as root).
  if (!globalThis.__collabChromiumEnsured) {
    execFileSync('bash', [join(ROOT, 'scripts', 'chromium.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
    globalThis.__collabChromiumEnsured = true;
  }
  if (process.env.KAFKA_BROKERS || globalThis.__collabKafkaForTests) return;
  const [port, controllerPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    KAFKA_HOME_DIR: join(ROOT, '.kafka', 'jest'),
    KAFKA_LIB_DIR: join(ROOT, '.kafka', 'lib'),
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
  };
  process.stdout.write(`\nKAFKA_BROKERS is not set: starting the repo's broker on 127.0.0.1:${port} for this run\n`);
  // A fresh data folder each run: the controller's ports are part of the formatted quorum.
  execFileSync('rm', ['-rf', join(env.KAFKA_HOME_DIR, 'data'), join(env.KAFKA_HOME_DIR, 'formatted-for')]);
  execFileSync('bash', [join(ROOT, 'scripts', 'kafka.sh'), 'start'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  process.env.KAFKA_BROKERS = `127.0.0.1:${port}`;
  globalThis.__collabKafkaForTests = env;
};
