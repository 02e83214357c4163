/**
 * The cube's dimensions. A hierarchical dimension has levels from the coarsest to the finest:
 * rolling up moves a level left, drilling down a level right (with the coarser value as a filter).
 */
export const HIERARCHIES = {
  time: ['month', 'week', 'day', 'hour'],
  /** group (the whole enterprise) → province (`GD`) → city (`GD-SZ`); a province-level region is its own city. */
  region: ['group', 'province', 'city'],
  /** The category tree by its path: `billing` → `billing/wrong-charge` → a third level where there is one. */
  category: ['level1', 'level2', 'level3'],
} as const;

export const FLAT_DIMENSIONS = ['channel', 'audience', 'unit', 'partner', 'requestType', 'priority', 'customerTier', 'language'] as const;

type Hierarchy = keyof typeof HIERARCHIES;
type LevelOf<H extends Hierarchy> = (typeof HIERARCHIES)[H][number];
export type HierarchicalDimension = { [H in Hierarchy]: `${H}.${LevelOf<H>}` }[Hierarchy];
export type Dimension = HierarchicalDimension | (typeof FLAT_DIMENSIONS)[number];

export const DIMENSIONS: readonly Dimension[] = [
  ...(Object.entries(HIERARCHIES) as [Hierarchy, readonly string[]][]).flatMap(([hierarchy, levels]) =>
    levels.map((level) => `${hierarchy}.${level}` as Dimension),
  ),
  ...FLAT_DIMENSIONS,
];

export const isDimension = (name: string): name is Dimension => (DIMENSIONS as readonly string[]).includes(name);

const split = (dimension: Dimension): { hierarchy: Hierarchy; levels: readonly string[]; index: number } | undefined => {
  const [hierarchy, level] = dimension.split('.') as [string, string | undefined];
  if (level === undefined || !(hierarchy in HIERARCHIES)) return undefined;
  const levels = HIERARCHIES[hierarchy as Hierarchy];
  return { hierarchy: hierarchy as Hierarchy, levels, index: levels.indexOf(level as never) };
};

/** The next finer level of a hierarchical dimension; undefined at the finest level and for flat dimensions. */
export const drillDownOf = (dimension: Dimension): Dimension | undefined => {
  const at = split(dimension);
  const level = at?.levels[at.index + 1];
  return at && level ? (`${at.hierarchy}.${level}` as Dimension) : undefined;
};

/** The next coarser level; undefined at the coarsest level and for flat dimensions. */
export const rollUpOf = (dimension: Dimension): Dimension | undefined => {
  const at = split(dimension);
  const level = at && at.index > 0 ? at.levels[at.index - 1] : undefined;
  return at && level ? (`${at.hierarchy}.${level}` as Dimension) : undefined;
};

/** The value a region code has at a level of the region hierarchy (`GD-SZ` → province `GD`). */
export const regionAt = (region: string, level: LevelOf<'region'>): string => {
  const [province = region, city] = region.split('-');
  switch (level) {
    case 'group':
      return 'GROUP';
    case 'province':
      return province;
    case 'city':
      return city === undefined ? province : `${province}-${city}`;
  }
};

/** The value a category path has at a level of the category tree (`billing/wrong-charge` → level1 `billing`). */
export const categoryAt = (category: string, level: LevelOf<'category'>): string => {
  const depth = HIERARCHIES.category.indexOf(level) + 1;
  return category.split('/').slice(0, depth).join('/');
};
