// monday's per-field concurrency limit, on demand: while a request carries a
// field_limit_exceeded fault (ctx.fieldLimit), every field of the named entity
// (e.g. "boards", "items_page", "subitems") fails with FIELD_LIMIT_EXCEEDED and
// resolves to null, the rest of the response is served as usual. Only fields
// that return objects are wrapped: those are what monday limits. The wrapped
// schema is a separate copy (schema.mjs) that only faulted requests run on.

import { defaultFieldResolver, getNamedType, isLeafType, isObjectType } from 'graphql';
import { fieldLimitExceeded } from '../errors.mjs';

export function guardFieldLimits(schema) {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isLeafType(getNamedType(field.type))) continue;
      const resolve = field.resolve || defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        if (ctx && ctx.fieldLimit && ctx.fieldLimit.entity === info.fieldName) throw fieldLimitExceeded(info.fieldName, ctx.fieldLimit.retryIn);
        return resolve(source, args, ctx, info);
      };
    }
  }
}
