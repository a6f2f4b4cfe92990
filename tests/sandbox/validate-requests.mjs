#!/usr/bin/env node
// Validates every GraphQL document sent to /v2 or /v2/file (as recorded in a
// sandbox requests.jsonl) against monday's published schema, variables
// included, so nothing the driver sends works only against the sandbox.
//
//   node validate-requests.mjs REQUESTS_JSONL [path-to-monday-schema.graphql]
//   (schema default as in check-sdl.mjs; MONDAY_REFERENCE_SCHEMA overrides it)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate, getOperationAST, getVariableValues } from 'graphql';
import { referenceSchemaPath } from './check-sdl.mjs';

export function validateLog(lines, schema) {
  const seen = new Map(); // document text -> errors (documents repeat with new variables)
  const invalid = [];
  let documents = 0;
  for (const [n, line] of lines.entries()) {
    if (!line.trim()) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      invalid.push({ line: n + 1, query: null, errors: ['log line is not JSON'] });
      continue;
    }
    if (entry.control || (entry.path !== '/v2' && entry.path !== '/v2/file') || typeof entry.query !== 'string') continue;
    // Tests that send a wrong document on purpose (ExecuteGraphQL's error path) mark it.
    if (entry.query.includes('# expected-invalid')) continue;
    documents++;
    const errors = [];
    let doc = null;
    if (seen.has(entry.query)) errors.push(...seen.get(entry.query));
    else {
      try {
        doc = parse(entry.query);
        const v = validate(schema, doc).map((e) => e.message);
        seen.set(entry.query, v);
        errors.push(...v);
      } catch (e) {
        seen.set(entry.query, [e.message]);
        errors.push(e.message);
      }
    }
    if (errors.length === 0) {
      doc = doc || parse(entry.query);
      const op = getOperationAST(doc, entry.operation_name ?? undefined);
      if (!op) errors.push('cannot pick the operation (operation_name missing or unknown)');
      else {
        const r = getVariableValues(schema, op.variableDefinitions || [], entry.variables || {});
        if (r.errors) errors.push(...r.errors.map((e) => `variables: ${e.message}`));
      }
    }
    if (errors.length) invalid.push({ line: n + 1, query: entry.query, errors });
  }
  return { documents, distinct: seen.size, invalid };
}

function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: validate-requests.mjs REQUESTS_JSONL [monday-schema.graphql]');
    return 2;
  }
  const ref = referenceSchemaPath(process.argv[3]);
  if (!fs.existsSync(ref)) {
    console.log(`SKIPPED: monday schema not found at ${ref}`);
    // ctest reports a test as skipped (not passed) when it exits with its SKIP_RETURN_CODE.
    return Number(process.env.SKIP_EXIT_CODE || 0);
  }
  const schema = buildSchema(fs.readFileSync(ref, 'utf8'));
  const { documents, distinct, invalid } = validateLog(fs.readFileSync(file, 'utf8').split('\n'), schema);
  if (invalid.length === 0) {
    console.log(`${documents} documents, ${distinct} distinct, all valid against ${ref}`);
    return 0;
  }
  console.log(`${documents} documents, ${distinct} distinct, ${invalid.length} invalid against ${ref}:`);
  for (const i of invalid) {
    console.log(`- line ${i.line}: ${(i.query || '').replace(/\s+/g, ' ').slice(0, 160)}`);
    for (const e of i.errors) console.log(`    ${e}`);
  }
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
