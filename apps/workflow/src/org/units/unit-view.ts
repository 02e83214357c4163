import type { OrgUnit } from '@collab/workflow-domain';
import type { OrgUnitRecord } from '../org-view/org-view.entity';
import type { UnitNode, UnitView } from '../org.answers';

export const unitViewOf = ({ unitId, ...unit }: OrgUnit, version: number): UnitView => ({
  id: unitId,
  names: unit.names,
  level: unit.level,
  unitType: unit.unitType,
  parentId: unit.parentId,
  region: unit.region,
  calendarId: unit.calendarId,
  supervisorId: unit.supervisorId,
  version,
});

export const unitViewOfRecord = (record: OrgUnitRecord): UnitView => ({
  id: record.id,
  names: { zh: record.nameZh, en: record.nameEn },
  level: record.level,
  unitType: record.unitType,
  parentId: record.parentId,
  region: record.region,
  calendarId: record.calendarId,
  supervisorId: record.supervisorId,
  version: record.version,
});

/**
 * The hierarchy as nested nodes, tops first, siblings by id. A unit whose parent is not (yet) in
 * the read model is shown at the top rather than hidden.
 */
export const unitTree = (
  units: readonly UnitView[],
  queuesByUnit: ReadonlyMap<string, readonly string[]>,
): UnitNode[] => {
  const ids = new Set(units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, UnitView[]>();
  for (const unit of [...units].sort((a, b) => a.id.localeCompare(b.id))) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  const nodeOf = (unit: UnitView, seen: ReadonlySet<string>): UnitNode => ({
    ...unit,
    queues: [...(queuesByUnit.get(unit.id) ?? [])],
    // `seen` guards the walk; the deciders never let a unit sit under its own descendant.
    children: (childrenOf.get(unit.id) ?? [])
      .filter((child) => !seen.has(child.id))
      .map((child) => nodeOf(child, new Set([...seen, child.id]))),
  });
  return (childrenOf.get(null) ?? []).map((top) => nodeOf(top, new Set([top.id])));
};
