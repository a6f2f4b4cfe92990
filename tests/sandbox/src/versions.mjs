// API-Version header handling (REFERENCE.md §1.3). The sandbox serves one
// schema for every version; the header only changes what `version` reports.

const LIVE = [
  { value: '2026-01', kind: 'deprecated', display_name: 'Deprecated' },
  { value: '2026-04', kind: 'previous_maintenance', display_name: 'Previous maintenance' },
  { value: '2026-07', kind: 'maintenance', display_name: 'Maintenance' },
  { value: '2026-10', kind: 'current', display_name: 'Current' },
  { value: '2027-01', kind: 'release_candidate', display_name: 'Release candidate' },
  { value: 'dev', kind: 'dev', display_name: 'Dev' },
];

const CURRENT = LIVE.find((v) => v.kind === 'current');

export function listVersions() {
  return LIVE.map((v) => ({ ...v }));
}

// monday reportedly falls back to the current version, silently, for an
// unknown or retired version string; we do the same (REFERENCE.md §1.3 [P]).
export function resolveVersion(header) {
  if (header == null || header === '') return { ...CURRENT };
  const h = String(header).trim().toLowerCase();
  const byValue = LIVE.find((v) => v.value === h);
  if (byValue) return { ...byValue };
  const byAlias = LIVE.find((v) => v.kind === h);
  if (byAlias) return { ...byAlias };
  return { ...CURRENT };
}

// Whether `version` (a resolved version object or value) is `min` or newer.
// Values are YYYY-MM strings, so they order as text; `dev` is newer than all.
export function isAtLeast(version, min) {
  const v = typeof version === 'string' ? version : version && version.value;
  if (v === 'dev') return true;
  return typeof v === 'string' && /^\d{4}-\d{2}$/.test(v) && v >= min;
}

// A field that monday added in version `min` does not exist for older ones:
// answer as monday's validator does for an unknown field. Every version the
// sandbox accepts is 2026-01 or later (older ones fall back to current), so
// today this only guards against a future change to LIVE.
export function fieldVersionError(version, min, typeName, fieldName) {
  if (isAtLeast(version, min)) return null;
  return { message: `Cannot query field "${fieldName}" on type "${typeName}".`, code: 'GRAPHQL_VALIDATION_FAILED' };
}
