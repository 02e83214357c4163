import type { KpiSeries } from '../../kpi.answers';

const cell = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  // Quoted when needed, and a leading formula character neutralised, so a spreadsheet shows text as text.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV: one row per bucket, each naming the KPI, the definition version used and the scope. */
export const seriesCsv = (series: KpiSeries): string => {
  const header = ['kpi_id', 'version', 'scope', 'granularity', 'bucket', 'value', 'numerator', 'denominator', 'samples', 'standing'];
  const rows = series.values.map((point) =>
    [series.kpiId, series.version, series.scope, series.granularity, point.bucket, point.value, point.numerator, point.denominator, point.samples, point.standing].map(cell).join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
};
