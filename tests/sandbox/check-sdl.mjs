#!/usr/bin/env node
// Checks that the sandbox SDL is a faithful subset of monday's published
// schema: every type, field, argument (with its default), input field, enum
// value, union member and interface the sandbox declares must exist in
// monday's schema with exactly the same type. Arguments and input fields that
// monday requires must not be missing either, or a document valid here could
// be invalid there.
//
//   node check-sdl.mjs [path-to-monday-schema.graphql]
//   (or MONDAY_REFERENCE_SCHEMA=...; default ../../../shared/monday-api/schema.graphql)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema, isObjectType, isInterfaceType, isInputObjectType, isEnumType, isUnionType, isScalarType,
  isNonNullType, astFromValue, print,
} from 'graphql';
import { loadSdl } from './src/graphql/schema.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export function referenceSchemaPath(arg) {
  return path.resolve(arg || process.env.MONDAY_REFERENCE_SCHEMA || path.join(here, '..', '..', '..', 'shared', 'monday-api', 'schema.graphql'));
}

const kindOf = (t) =>
  isObjectType(t) ? 'type' : isInterfaceType(t) ? 'interface' : isInputObjectType(t) ? 'input' : isEnumType(t) ? 'enum' : isUnionType(t) ? 'union' : isScalarType(t) ? 'scalar' : '?';

function defaultText(value, type) {
  if (value === undefined) return '(none)';
  const ast = astFromValue(value, type);
  return ast ? print(ast) : String(value);
}

const requiredWithoutDefault = (a) => isNonNullType(a.type) && a.defaultValue === undefined;

export function compareSchemas(sandbox, monday) {
  const problems = [];
  const bad = (msg) => problems.push(msg);
  let checked = 0;
  for (const [name, ours] of Object.entries(sandbox.getTypeMap())) {
    if (name.startsWith('__')) continue;
    if (['String', 'Int', 'Float', 'Boolean', 'ID'].includes(name)) continue;
    checked++;
    const theirs = monday.getType(name);
    if (!theirs) {
      bad(`type ${name}: not in monday's schema`);
      continue;
    }
    if (kindOf(ours) !== kindOf(theirs)) {
      bad(`type ${name}: is a ${kindOf(ours)} here but a ${kindOf(theirs)} in monday's schema`);
      continue;
    }
    if (isEnumType(ours)) {
      const values = new Set(theirs.getValues().map((v) => v.name));
      for (const v of ours.getValues()) if (!values.has(v.name)) bad(`enum ${name}: value ${v.name} not in monday's schema`);
      continue;
    }
    if (isUnionType(ours)) {
      const members = new Set(theirs.getTypes().map((t) => t.name));
      for (const t of ours.getTypes()) if (!members.has(t.name)) bad(`union ${name}: member ${t.name} not in monday's schema`);
      continue;
    }
    if (isScalarType(ours)) continue;
    if (!isInputObjectType(ours)) {
      const ifaces = new Set(theirs.getInterfaces().map((i) => i.name));
      for (const i of ours.getInterfaces()) if (!ifaces.has(i.name)) bad(`type ${name}: implements ${i.name} here but not in monday's schema`);
    }
    const theirFields = theirs.getFields();
    const ourFields = ours.getFields();
    for (const [fname, f] of Object.entries(ourFields)) {
      const tf = theirFields[fname];
      if (!tf) {
        bad(`${name}.${fname}: field not in monday's schema`);
        continue;
      }
      if (String(f.type) !== String(tf.type)) bad(`${name}.${fname}: type ${f.type} here, ${tf.type} in monday's schema`);
      if (isInputObjectType(ours)) {
        const d1 = defaultText(f.defaultValue, f.type);
        const d2 = defaultText(tf.defaultValue, tf.type);
        if (d1 !== d2) bad(`${name}.${fname}: default ${d1} here, ${d2} in monday's schema`);
        continue;
      }
      const theirArgs = new Map(tf.args.map((a) => [a.name, a]));
      for (const a of f.args) {
        const ta = theirArgs.get(a.name);
        if (!ta) {
          bad(`${name}.${fname}(${a.name}): argument not in monday's schema`);
          continue;
        }
        if (String(a.type) !== String(ta.type)) bad(`${name}.${fname}(${a.name}): type ${a.type} here, ${ta.type} in monday's schema`);
        const d1 = defaultText(a.defaultValue, a.type);
        const d2 = defaultText(ta.defaultValue, ta.type);
        if (d1 !== d2) bad(`${name}.${fname}(${a.name}): default ${d1} here, ${d2} in monday's schema`);
      }
      const ourArgs = new Set(f.args.map((a) => a.name));
      for (const ta of tf.args) if (requiredWithoutDefault(ta) && !ourArgs.has(ta.name)) bad(`${name}.${fname}: required argument ${ta.name} missing here`);
    }
    if (isInputObjectType(ours)) {
      for (const [fname, tf] of Object.entries(theirFields)) if (requiredWithoutDefault(tf) && !ourFields[fname]) bad(`input ${name}: required field ${fname} missing here`);
    }
  }
  for (const op of ['getQueryType', 'getMutationType']) {
    const a = sandbox[op]();
    const b = monday[op]();
    if (a && (!b || a.name !== b.name)) bad(`root ${op}: ${a.name} here, ${b ? b.name : 'none'} in monday's schema`);
  }
  return { problems, checked };
}

function main() {
  const ref = referenceSchemaPath(process.argv[2]);
  if (!fs.existsSync(ref)) {
    console.log(`SKIPPED: monday schema not found at ${ref}`);
    return 0;
  }
  const monday = buildSchema(fs.readFileSync(ref, 'utf8'));
  const sandbox = buildSchema(loadSdl());
  const { problems, checked } = compareSchemas(sandbox, monday);
  if (problems.length) {
    console.log(`FAILED: ${problems.length} difference(s) from monday's schema (${checked} types checked)`);
    for (const p of problems) console.log(`  ${p}`);
    return 1;
  }
  console.log(`OK: ${checked} sandbox types match monday's schema at ${ref}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
