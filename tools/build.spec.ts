import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildServices } from './build';

const run = promisify(execFile);

describe('the build (npm run build)', () => {
  // Inside the repo (tmp/ is ignored), as dist/ is: the built modules find node_modules by walking up.
  const scratch = join(__dirname, '..', 'tmp');
  mkdirSync(scratch, { recursive: true });
  const out = mkdtempSync(join(scratch, 'build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('compiles every service to JavaScript that plain node loads: aliases made relative, no compiler in the process', async () => {
    const { files } = buildServices(out);
    expect(files).toBeGreaterThan(100);
    for (const service of ['intake', 'workflow', 'knowledge', 'kpi', 'data', 'platform'])
      expect(existsSync(join(out, 'apps', service, 'src', 'main.js'))).toBe(true);
    expect(existsSync(join(out, 'apps', 'intake', 'src', 'main.spec.js'))).toBe(false);
    const main = readFileSync(join(out, 'apps', 'intake', 'src', 'main.js'), 'utf8');
    expect(main).not.toContain('@collab/');
    expect(main).toContain('//# sourceMappingURL=main.js.map');

    // The intake module with everything it imports, as `node dist/apps/intake/src/main.js` loads it.
    const probe = `require(${JSON.stringify(join(out, 'apps', 'intake', 'src', 'intake.module.js'))});
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify(['/typescript/', '/@swc/', '/@eventstore/db-client/', '/exporter-trace-otlp-http/'].map((p) => loaded.some((f) => f.includes(p)))));`;
    const { stdout } = await run(process.execPath, ['-e', probe], { cwd: out, timeout: 60_000 });
    // Neither the compiler nor the adapters a PostgreSQL service without tracing does not use.
    expect(JSON.parse(stdout)).toEqual([false, false, false, false]);
  }, 120_000);
});
