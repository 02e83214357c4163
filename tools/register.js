// Runs TypeScript sources directly with SWC (decorator metadata included, which Nest's DI needs)
// and resolves the @collab/* path aliases of tsconfig.base.json.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
