// Validates deploy/k8s offline (no cluster): every object against the Kubernetes API schemas
// (kubernetes-models), then our rules (probes, resources, PDB and HPA per service, no secret
// values, the edge's routes equal to docker-compose's). Where kubectl is installed, what
// `kubectl kustomize deploy/k8s` renders is checked against the schemas as well. Exits 1 and
// lists each problem.
//   node -r ./tools/register.js tools/validate-k8s.ts
import { join } from 'node:path';
import { checkBundle, loadDeployFolder } from './k8s/k8s-check';
import { kubectlAvailable, renderWithKubectl } from './k8s/k8s-render';

const root = join(__dirname, '..');
const bundle = loadDeployFolder(root);
const rendered = kubectlAvailable() ? renderWithKubectl(root) : undefined;
const problems = [...checkBundle(bundle), ...(rendered?.problems ?? [])];
for (const problem of problems) process.stderr.write(`${problem}\n`);
const renderNote = rendered
  ? `; kubectl kustomize renders ${rendered.manifests.length} valid objects`
  : '; kubectl not installed, rendering not checked';
process.stdout.write(
  problems.length === 0
    ? `deploy/k8s: ${bundle.manifests.length} objects valid against the Kubernetes API schemas and our rules${renderNote}\n`
    : `deploy/k8s: ${problems.length} problem(s)\n`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
