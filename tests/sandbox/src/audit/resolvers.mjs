// GraphQL audit_logs and audit_event_catalogue (API 2025-07 and later): the
// same log and filters as the REST endpoint, for an account admin's token on
// an Enterprise account. Assumptions (monday documents neither message nor
// code): both refusals are UserUnauthorizedException with status_code 403,
// and `limit` is 1 to 1000 like the REST API's per_page.

import { ApiError, badArgument } from '../errors.mjs';
import { filterAuditLog, checkPaging, pageOf, AuditQueryError } from './query.mjs';

function requireAuditAccess(ctx) {
  if (!ctx.app.audit.enterprise) {
    throw new ApiError('UserUnauthorizedException', 'Audit logs are available only for accounts on the Enterprise plan', { statusCode: 403 });
  }
  if (!ctx.user || ctx.user.kind !== 'admin') {
    throw new ApiError('UserUnauthorizedException',
      'User unauthorized to perform action: reading audit logs needs an account admin (manage_account_security)', { statusCode: 403 });
  }
}

export const auditResolvers = {
  Query: {
    audit_logs: (_s, args, ctx) => {
      requireAuditAccess(ctx);
      const page = args.page ?? 1;
      const limit = args.limit ?? 25;
      try {
        checkPaging(page, limit);
        const { rows, next_page: nextPage } = pageOf(filterAuditLog(ctx.app.audit.entries, args), page, limit);
        return {
          logs: rows,
          pagination: { page, page_size: limit, has_more_pages: nextPage != null, next_page_number: nextPage },
        };
      } catch (e) {
        if (e instanceof AuditQueryError) throw badArgument(e.message.replace('per_page', 'limit'));
        throw e;
      }
    },
    audit_event_catalogue: (_s, _a, ctx) => {
      requireAuditAccess(ctx);
      return ctx.app.audit.catalogue;
    },
  },
  AuditLogEntry: {
    account_id: (e) => String(e.account_id),
    user: (e, _a, ctx) => (e.user_id == null ? null : ctx.store.usersById.get(e.user_id) ?? null),
  },
};
