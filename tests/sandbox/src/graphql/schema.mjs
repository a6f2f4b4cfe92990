// The executable schema: the sandbox's own SDL (tests/sandbox/schema/*.graphql)
// with resolvers attached to it.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, isObjectType, isInterfaceType, isUnionType } from 'graphql';
import { objectResolvers } from './resolvers.mjs';
import { columnValueResolvers } from './column-values.mjs';
import { mutationResolvers } from './mutations.mjs';
import { notificationResolvers } from './notifications.mjs';
import { jobResolvers } from './jobs.mjs';
import { auditResolvers } from '../audit/resolvers.mjs';
import { aggregateResolvers } from '../aggregate/resolvers.mjs';
import { guardFieldLimits } from './field-limit.mjs';

export const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');

export function loadSdl(dir = SCHEMA_DIR) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

// `fieldLimits`: a copy whose object fields can fail on demand (field-limit.mjs). It is
// used only for requests that carry a field_limit_exceeded fault, so the wrappers stay
// off the path of every other request (they cost about a fifth of a 500-item page).
export function buildSandboxSchema({ fieldLimits = false } = {}) {
  const sdl = loadSdl();
  const schema = buildSchema(sdl);
  const all = [objectResolvers, columnValueResolvers(), { Mutation: mutationResolvers }, notificationResolvers, jobResolvers, auditResolvers, aggregateResolvers];
  for (const map of all) {
    for (const [typeName, fields] of Object.entries(map)) {
      const type = schema.getType(typeName);
      if (!type) throw new Error(`resolver for unknown type ${typeName}`);
      for (const [fieldName, fn] of Object.entries(fields)) {
        if (fieldName === '__resolveType') {
          if (!isInterfaceType(type) && !isUnionType(type)) throw new Error(`${typeName} is not abstract`);
          type.resolveType = fn;
          continue;
        }
        if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
        const field = type.getFields()[fieldName];
        if (!field) throw new Error(`resolver for unknown field ${typeName}.${fieldName}`);
        field.resolve = fn;
      }
    }
  }
  if (fieldLimits) guardFieldLimits(schema);
  return { schema, sdl };
}
