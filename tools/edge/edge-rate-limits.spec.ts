import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const EDGES = ['deploy/edge/nginx.conf', 'deploy/k8s/edge/nginx.conf'];

const blockOf = (conf: string, location: string): string => {
  const start = conf.indexOf(`location ${location} {`);
  return start < 0 ? '' : conf.slice(start, conf.indexOf('\n    }', start));
};

/** The edge limits per address too (issue 13); without nginx here, the configuration is read as text. */
describe.each(EDGES)('the edge %s', (path) => {
  const conf = readFileSync(join(REPO, path), 'utf8');

  it('limits REST and gRPC per client address, answering 429', () => {
    expect(conf).toMatch(/limit_req_zone \$binary_remote_addr zone=rest_per_address:\d+m rate=\d+r\/s;/);
    expect(conf).toMatch(/limit_req_zone \$binary_remote_addr zone=grpc_per_address:\d+m rate=\d+r\/s;/);
    expect(conf).toContain('limit_req_status 429;');
    expect(conf).toMatch(/limit_req zone=rest_per_address burst=\d+ nodelay;\n\s+error_page 429 = @rate_limited;/);
    expect(conf).toMatch(/limit_req zone=grpc_per_address burst=\d+ nodelay;\n\s+error_page 429 = @grpc_rate_limited;/);
  });

  it('answers REST with Retry-After and problem details, gRPC with RESOURCE_EXHAUSTED', () => {
    const rest = blockOf(conf, '@rate_limited');
    expect(rest).toContain('add_header Retry-After 1 always;');
    expect(rest).toContain('default_type application/problem+json;');
    const body = /return 429 '(.+)';/.exec(rest)?.[1];
    expect(JSON.parse(body ?? '{}')).toMatchObject({ status: 429, type: 'https://collab.dev/problems/rate-limited', retryAfterSeconds: 1 });
    expect(blockOf(conf, '@grpc_rate_limited')).toContain('add_header grpc-status 8 always;');
  });
});
