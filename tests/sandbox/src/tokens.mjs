// The sandbox's fixed API tokens. Tests and docs import them from here.
// Only the *kind* of a token is ever logged, never the token itself.

export const TOKENS = Object.freeze({
  admin: 'sandbox-admin-token',
  member: 'sandbox-member-token',
  revoked: 'sandbox-revoked-token',
  // The account's audit-log API token (Admin > Security > Audit > Monitor by API):
  // accepted only by /audit-api/get-logs, rejected by the GraphQL API.
  audit: 'sandbox-audit-token',
});

// Users the valid tokens act as (ids from the seeded data).
export const TOKEN_USERS = Object.freeze({
  admin: 10_000_001,
  member: 10_000_002,
});
