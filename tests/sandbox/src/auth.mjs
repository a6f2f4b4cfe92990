// Token check. monday takes `Authorization: <token>` (what its SDK sends) and
// also `Authorization: Bearer <token>`; both work here.

import { TOKENS, TOKEN_USERS } from './tokens.mjs';

export function tokenFromHeader(header) {
  if (header == null) return null;
  const value = String(header).trim();
  if (value === '') return null;
  const m = /^Bearer\s+(.+)$/i.exec(value);
  return m ? m[1].trim() : value;
}

// Returns the token's kind for the log ("admin", "member", "revoked",
// "invalid", "missing"; with `oauth`, the sandbox's OAuthState, also "oauth"
// for OAuth and short-lived tokens and "oauth-rejected" for expired or revoked
// ones) and the user it acts as, if it is valid.
export function authenticate(header, store, oauth = null) {
  const token = tokenFromHeader(header);
  if (token == null) return { kind: 'missing', user: null };
  if (token === TOKENS.admin) return { kind: 'admin', user: store.usersById.get(TOKEN_USERS.admin) };
  if (token === TOKENS.member) return { kind: 'member', user: store.usersById.get(TOKEN_USERS.member) };
  if (token === TOKENS.revoked) return { kind: 'revoked', user: null };
  // Valid only for the audit-log REST API (src/audit/rest-endpoint.mjs): no GraphQL user.
  if (token === TOKENS.audit) return { kind: 'audit', user: null };
  if (oauth && oauth.isKnownToken(token)) {
    const userId = oauth.userIdForToken(token);
    return userId ? { kind: 'oauth', user: store.usersById.get(userId) } : { kind: 'oauth-rejected', user: null };
  }
  return { kind: 'invalid', user: null };
}
