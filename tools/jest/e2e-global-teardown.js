// Removes the template folder e2e-global-setup.js made (only that one), then stops the broker.
const { rmSync } = require('node:fs');
const kafka = require('./kafka-global-teardown');

module.exports = async () => {
  const folder = globalThis.__collabE2eTemplates;
  if (folder) {
    globalThis.__collabE2eTemplates = undefined;
    delete process.env.COLLAB_E2E_TEMPLATES;
    rmSync(folder, { recursive: true, force: true });
  }
  await kafka();
};
