import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');

describe('the generated OpenAPI document', () => {
  it('passes @redocly/cli lint with the repo\'s redocly.yaml', () => {
    const lint = spawnSync(process.execPath, [require.resolve('@redocly/cli/bin/cli.js'), 'lint', '--config', 'redocly.yaml', '--format', 'stylish', 'docs/openapi/platform.openapi.json'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    expect({ status: lint.status, problems: lint.status === 0 ? '' : `${lint.stdout}${lint.stderr}` }).toEqual({ status: 0, problems: '' });
  }, 60_000);
});
