// Maps the @collab/* aliases of tsconfig.base.json for jest, so there is one list of aliases.
const { compilerOptions } = require('../tsconfig.base.json');
const path = require('node:path');

exports.pathsToModuleNameMapper = () =>
  Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias.replace('/', '\\/')}$`,
      path.join(__dirname, '..', target),
    ]),
  );
