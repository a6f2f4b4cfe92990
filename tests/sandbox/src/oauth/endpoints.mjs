// monday's OAuth endpoints as the sandbox serves them (REFERENCE.md §6.2):
//   GET  /oauth2/authorize         consent page (HTML)
//   POST /oauth2/authorize         the consent form's answer → 302 to the redirect URI
//   POST /oauth2/token             classic flow: code → long-lived access token
//   POST /oauth_ms/oauth/token     new flow: code (+PKCE) or refresh token → rotating tokens
//   POST /oauth_ms/oauth/revoke    new flow: revoke a token (and its grant)
// Token endpoints take application/x-www-form-urlencoded or JSON bodies.

import { OAuthError } from './grants.mjs';
import { consentPage, errorPage } from './pages.mjs';
import { ACCOUNT_ID } from '../config.mjs';

export const OAUTH_PATHS = new Set(['/oauth2/authorize', '/oauth2/token', '/oauth_ms/oauth/token', '/oauth_ms/oauth/revoke']);

const HTML = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
const JSON_NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

export function formBody(req, raw) {
  const text = raw.toString('utf8');
  const type = String(req.headers['content-type'] || '').toLowerCase();
  if (type.startsWith('application/json')) {
    const parsed = JSON.parse(text || '{}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v == null ? v : String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function oauthErrorResponse(e) {
  return { status: e.status, body: { error: e.error, error_description: e.message }, headers: JSON_NO_STORE };
}

// Answers an OAuth path; `app` is the SandboxApp.
export function handleOAuth(req, raw, url, app) {
  const oauth = app.oauth;
  const route = `${req.method} ${url.pathname}`;
  try {
    switch (route) {
      case 'GET /oauth2/authorize': {
        const r = oauth.startAuthorization(url.searchParams);
        if (r.redirect) return { status: 302, body: '', headers: { Location: r.redirect } };
        if (r.page === 'error') return { status: 400, body: errorPage(r.message), headers: HTML };
        const user = app.store.usersById.get(oauth.pending.get(r.id).userId);
        const account = app.store.account?.name ?? `account ${ACCOUNT_ID}`;
        return { status: 200, body: consentPage({ id: r.id, app: r.app, scopes: r.scopes, user: user?.name ?? 'user', account }), headers: HTML };
      }
      case 'POST /oauth2/authorize': {
        const form = formBody(req, raw);
        const location = oauth.decide(form.request_id, form.decision === 'approve');
        return { status: 302, body: '', headers: { Location: location, 'Cache-Control': 'no-store' } };
      }
      case 'POST /oauth2/token':
        return { status: 200, body: oauth.classicToken(formBody(req, raw)), headers: JSON_NO_STORE };
      case 'POST /oauth_ms/oauth/token':
        return { status: 200, body: oauth.newFlowToken(formBody(req, raw)), headers: JSON_NO_STORE };
      case 'POST /oauth_ms/oauth/revoke':
        return { status: 200, body: oauth.revoke(formBody(req, raw)), headers: JSON_NO_STORE };
      default:
        return { status: 405, body: { error: 'invalid_request', error_description: `${req.method} is not allowed on ${url.pathname}` } };
    }
  } catch (e) {
    if (e instanceof OAuthError) {
      oauth.stats.token_errors += 1;
      if (route === 'POST /oauth2/authorize') return { status: e.status, body: errorPage(e.message), headers: HTML };
      return oauthErrorResponse(e);
    }
    if (e instanceof SyntaxError || e.message === 'not an object') {
      return oauthErrorResponse(new OAuthError('invalid_request', 'The request body is not valid JSON or form data.'));
    }
    throw e;
  }
}
