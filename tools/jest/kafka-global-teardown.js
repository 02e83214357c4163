// Stops the broker kafka-global-setup.js started (only that one: its own home dir and pid file).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  const env = globalThis.__collabKafkaForTests;
  if (!env) return;
  globalThis.__collabKafkaForTests = undefined;
  delete process.env.KAFKA_BROKERS;
  execFileSync('bash', [join(__dirname, '..', '..', 'scripts', 'kafka.sh'), 'stop'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
};
