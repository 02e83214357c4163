import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { InvalidConfiguration, loadPlatformConfig } from '@collab/service-kit';

const REPO = join(__dirname, '..', '..');
const text = readFileSync(join(REPO, 'docker-compose.yml'), 'utf8');
const withoutComments = text.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
const compose = parse(text, { merge: true }) as { services: Record<string, { environment?: Record<string, unknown>; ports?: string[] }> };

const required = (name: string) => new RegExp(`^\\$\\{${name}:\\?[^}$]+\\}$`);

/** docker-compose refuses to start without secrets of the operator's own (issue 13). */
describe('docker-compose.yml secrets', () => {
  const services = Object.entries(compose.services).filter(([, service]) => service.environment?.['AUTH_JWT_SECRET'] !== undefined);

  it('gives every platform service an AUTH_JWT_SECRET that compose requires, with no default', () => {
    expect(services.map(([name]) => name).sort()).toEqual(['data', 'intake', 'knowledge', 'kpi', 'workflow']);
    for (const [, service] of services) expect(service.environment?.['AUTH_JWT_SECRET']).toMatch(required('AUTH_JWT_SECRET'));
  });

  it('requires the PostgreSQL password too, and publishes PostgreSQL to this machine only', () => {
    expect(compose.services['postgres']?.environment?.['POSTGRES_PASSWORD']).toMatch(required('POSTGRES_PASSWORD'));
    for (const [, service] of services) expect(String(service.environment?.['DATABASE_URL'])).toContain('${POSTGRES_PASSWORD:?');
    expect(compose.services['postgres']?.ports).toEqual(['127.0.0.1:5432:5432']);
    expect(withoutComments).not.toMatch(/collab:collab@|POSTGRES_PASSWORD: collab\b/);
  });

  it('interpolates only ${...} (compose refuses a bare $ in a value)', () => {
    expect(withoutComments).not.toMatch(/\$(?![{$])/);
  });

  it('the former default secret no longer starts a service', () => {
    const attempt = () => loadPlatformConfig({ AUTH_JWT_SECRET: 'insecure-compose-dev-secret-change-me' });
    expect(attempt).toThrow(InvalidConfiguration);
    expect(attempt).toThrow('config: AUTH_JWT_SECRET is a published example or placeholder; set a random secret of your own (openssl rand -base64 48)');
  });
});
