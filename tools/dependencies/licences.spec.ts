import { COPYLEFT, productionPackages, readLock } from './licences';

/** The dependency record's offline check (issue 13): no production package under a copyleft licence. */
describe('production dependencies', () => {
  const packages = productionPackages(readLock());

  it('are listed from the lockfile', () => expect(packages.length).toBeGreaterThan(100));

  it('carry no copyleft licence', () => expect(packages.filter((entry) => COPYLEFT.test(entry.licence))).toEqual([]));
});
