// Validates deploy/k8s offline (no cluster, no kubectl): every object against the Kubernetes API
// schemas (kubernetes-models), then our rules (probes, resources, PDB and HPA per service, no
// secret values, the edge's routes equal to docker-compose's). Exits 1 and lists each problem.
//   node -r ./tools/register.js tools/validate-k8s.ts
import { join } from 'node:path';
import { checkBundle, loadDeployFolder } from './k8s/k8s-check';

const root = join(__dirname, '..');
const bundle = loadDeployFolder(root);
const problems = checkBundle(bundle);
for (const problem of problems) process.stderr.write(`${problem}\n`);
process.stdout.write(
  problems.length === 0
    ? `deploy/k8s: ${bundle.manifests.length} objects valid against the Kubernetes API schemas and our rules\n`
    : `deploy/k8s: ${problems.length} problem(s)\n`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
