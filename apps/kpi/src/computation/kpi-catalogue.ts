import { Injectable } from '@nestjs/common';
import { rowsOf, type SqlExecutor } from '@collab/following';
import type { KpiDefinitionVersion, KpiSpecification } from '@collab/kpi-domain';

interface DefinitionRow {
  readonly kpi_id: string;
  readonly version: number;
  readonly specification: KpiSpecification;
  readonly retired: boolean;
  readonly built_in?: boolean;
}

const versionOf = (row: DefinitionRow): KpiDefinitionVersion => ({ kpiId: row.kpi_id, version: row.version, ...row.specification });

/** How long the fold trusts its copy of the definitions: a new version is folded from at most this much later (its backfill covers the rest). */
const FRESH_MS = 1_000;

/** The KPI versions being computed live: every version of every KPI that is not retired (old versions stay beside new ones). */
@Injectable()
export class KpiCatalogue {
  private cached: { readonly at: number; readonly versions: readonly KpiDefinitionVersion[] } | undefined;
  /** Found versions only: a version asked for before its definition is projected is looked up again. */
  private readonly looked = new Map<string, { readonly at: number; readonly found: KpiDefinitionVersion & { readonly retired: boolean } }>();

  async live(db: SqlExecutor): Promise<readonly KpiDefinitionVersion[]> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < FRESH_MS) return this.cached.versions;
    const rows = rowsOf<DefinitionRow>(await db.query(`select kpi_id, version, specification, retired from kpi.definition where not retired order by kpi_id, version`));
    this.cached = { at: now, versions: rows.map(versionOf) };
    return this.cached.versions;
  }

  changed(): void {
    this.cached = undefined;
    this.looked.clear();
  }

  /** One version, or the newest when `version` is absent; retired ones too (their values stay readable). */
  async version(db: SqlExecutor, kpiId: string, version?: number): Promise<(KpiDefinitionVersion & { readonly retired: boolean }) | undefined> {
    // The alert check and every values read ask this per bucket; a definition changes a few times a year.
    const key = `${kpiId}@${version ?? 'newest'}`;
    const now = Date.now();
    const known = this.looked.get(key);
    if (known && now - known.at < FRESH_MS) return known.found;
    const rows = rowsOf<DefinitionRow>(
      await db.query(
        `select kpi_id, version, specification, retired from kpi.definition where kpi_id = $1 and ($2::int is null or version = $2) order by version desc limit 1`,
        [kpiId, version ?? null],
      ),
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    const found = { ...versionOf(row), retired: row.retired };
    this.looked.set(key, { at: now, found });
    return found;
  }

  async all(db: SqlExecutor): Promise<readonly (KpiDefinitionVersion & { readonly retired: boolean; readonly builtIn: boolean; readonly versions: number[] })[]> {
    const rows = rowsOf<DefinitionRow>(
      await db.query(`select kpi_id, version, specification, retired, bool_or(built_in) over (partition by kpi_id) as built_in from kpi.definition order by kpi_id, version`),
    );
    const newest = new Map<string, DefinitionRow & { versions: number[] }>();
    for (const row of rows) newest.set(row.kpi_id, { ...row, versions: [...(newest.get(row.kpi_id)?.versions ?? []), row.version] });
    return [...newest.values()].map((row) => ({ ...versionOf(row), retired: row.retired, builtIn: row.built_in === true, versions: row.versions }));
  }
}
