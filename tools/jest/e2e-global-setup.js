// The e2e run's set-up: the broker (kafka-global-setup.js), and a folder for the data folders
// that specs start platforms from (apps/platform/src/e2e/platform-template.ts), made by the first
// spec that asks and removed with the folder after the run.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const kafka = require('./kafka-global-setup');

module.exports = async () => {
  await kafka();
  if (process.env.COLLAB_E2E_TEMPLATES) return;
  process.env.COLLAB_E2E_TEMPLATES = mkdtempSync(join(tmpdir(), 'collab-e2e-templates-'));
  globalThis.__collabE2eTemplates = process.env.COLLAB_E2E_TEMPLATES;
};
