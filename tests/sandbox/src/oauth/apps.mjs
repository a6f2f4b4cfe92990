// The sandbox's OAuth apps: fixed ids and secrets so tests and docs can name them.
// Two apps, one per monday OAuth flow (REFERENCE.md §6.2):
//   classic  — /oauth2/token, long-lived access token, no refresh token, no PKCE;
//   oauth21  — /oauth_ms/oauth/token, expiring JWT access tokens, rotating refresh
//              tokens, PKCE (S256), revocation.
// Each app also has a signing secret, used for the integration JWTs monday sends
// to app endpoints (REFERENCE.md §6.3).
//
// Redirect URIs are compared exactly, with one allowance from RFC 8252 §7.3: a
// registered loopback URI without a port matches that URI on any port, because
// desktop apps listen on whatever port is free.

export const OAUTH_APPS = Object.freeze({
  classic: Object.freeze({
    name: 'Sandbox ODBC (classic OAuth)',
    flow: 'classic',
    client_id: 'sandbox-classic-client-id',
    client_secret: 'sandbox-classic-client-secret',
    signing_secret: 'sandbox-classic-signing-secret',
    scopes: ['me:read', 'account:read', 'boards:read', 'boards:write', 'workspaces:read', 'users:read', 'teams:read',
      'tags:read', 'updates:read', 'updates:write', 'docs:read', 'assets:read'],
    redirect_uris: ['http://127.0.0.1/callback', 'http://localhost/callback', 'https://app.example.com/monday/callback'],
  }),
  oauth21: Object.freeze({
    name: 'Sandbox ODBC (new OAuth flow)',
    flow: 'oauth2.1',
    client_id: 'sandbox-oauth21-client-id',
    client_secret: 'sandbox-oauth21-client-secret',
    signing_secret: 'sandbox-oauth21-signing-secret',
    scopes: ['me:read', 'account:read', 'boards:read', 'boards:write', 'workspaces:read', 'users:read', 'teams:read',
      'tags:read', 'updates:read', 'updates:write', 'docs:read', 'assets:read'],
    redirect_uris: ['http://127.0.0.1/callback', 'http://localhost/callback', 'https://app.example.com/monday/callback'],
  }),
});

export function appByClientId(clientId) {
  return Object.values(OAUTH_APPS).find((a) => a.client_id === clientId) ?? null;
}

function isLoopbackHost(hostname) {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

// True when `uri` is one of the app's registered redirect URIs (see above).
export function redirectUriAllowed(app, uri) {
  let given;
  try {
    given = new URL(uri);
  } catch {
    return false;
  }
  for (const registered of app.redirect_uris) {
    if (registered === uri) return true;
    const r = new URL(registered);
    if (r.protocol === 'http:' && isLoopbackHost(r.hostname) && r.port === '' && given.protocol === 'http:'
      && given.hostname === r.hostname && given.port !== '' && given.pathname === r.pathname
      && given.search === '' && given.hash === '' && given.username === '' && given.password === '') {
      return true;
    }
  }
  return false;
}
