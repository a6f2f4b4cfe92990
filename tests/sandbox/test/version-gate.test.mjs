// Fields monday added in a given API version (aggregate: 2026-01) refuse older versions.
// Pure functions: no sandbox is started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAtLeast, fieldVersionError, resolveVersion, listVersions } from '../src/versions.mjs';

test('isAtLeast orders YYYY-MM versions and puts dev last', () => {
  assert.equal(isAtLeast('2026-01', '2026-01'), true);
  assert.equal(isAtLeast('2025-10', '2026-01'), false);
  assert.equal(isAtLeast({ value: '2026-10' }, '2026-01'), true);
  assert.equal(isAtLeast('dev', '2099-01'), true);
  assert.equal(isAtLeast('nonsense', '2026-01'), false);
  assert.equal(isAtLeast(null, '2026-01'), false);
});

test('an older version gets monday\'s unknown-field validation error', () => {
  assert.deepEqual(fieldVersionError('2025-10', '2026-01', 'Query', 'aggregate'), {
    message: 'Cannot query field "aggregate" on type "Query".', code: 'GRAPHQL_VALIDATION_FAILED',
  });
  assert.equal(fieldVersionError('2026-01', '2026-01', 'Query', 'aggregate'), null);
});

test('every version the sandbox resolves to has aggregate, so the gate never fires today', () => {
  for (const v of listVersions()) assert.equal(fieldVersionError(resolveVersion(v.value), '2026-01', 'Query', 'aggregate'), null, v.value);
  assert.equal(fieldVersionError(resolveVersion('2024-10'), '2026-01', 'Query', 'aggregate'), null, 'unknown versions fall back to current');
});
