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
// "invalid", "missing") and the user it acts as, if it is valid.
export function authenticate(header, store) {
  const token = tokenFromHeader(header);
  if (token == null) return { kind: 'missing', user: null };
  if (token === TOKENS.admin) return { kind: 'admin', user: store.usersById.get(TOKEN_USERS.admin) };
  if (token === TOKENS.member) return { kind: 'member', user: store.usersById.get(TOKEN_USERS.member) };
  if (token === TOKENS.revoked) return { kind: 'revoked', user: null };
  return { kind: 'invalid', user: null };
}
