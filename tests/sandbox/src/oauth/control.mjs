// /__sandbox/oauth/*: steering the OAuth server from tests (no token needed).
//   GET  config            current settings;  POST config {access_token_ttl_seconds,
//                          code_ttl_seconds, short_lived_token_ttl_seconds, include_expires_in}
//   GET  stats             counters (approvals, code_exchanges, refreshes, refresh_token_reuse …)
//   POST approve           {client_id, redirect_uri, state?, scope?, code_challenge?,
//                          code_challenge_method?, user?} → {code, state}: as if a person
//                          approved the consent page (for headless tests)
//   POST revoke-all        every grant revoked (the user uninstalled the app)
//   POST invalidate-access-tokens  current access tokens rejected before their exp
//   POST integration-jwt   {client_id, user?, expires_in?, aud?} → {jwt} signed with the
//                          app's signing secret, carrying a fresh shortLivedToken
//   GET  secrets           every secret the sandbox knows (client and signing secrets,
//                          codes, tokens), so tests can prove none leaked into a log

import { OAuthError } from './grants.mjs';
import { OAUTH_APPS } from './apps.mjs';
import { TOKEN_USERS } from '../tokens.mjs';

const CONFIG_KEYS = {
  access_token_ttl_seconds: 'accessTokenTtlSeconds',
  code_ttl_seconds: 'codeTtlSeconds',
  short_lived_token_ttl_seconds: 'shortLivedTokenTtlSeconds',
  include_expires_in: 'includeExpiresIn',
};

function configView(config) {
  const out = {};
  for (const [ext, int] of Object.entries(CONFIG_KEYS)) out[ext] = config[int];
  return out;
}

function jsonBody(raw) {
  if (!raw || raw.length === 0) return {};
  return JSON.parse(raw.toString('utf8'));
}

export function handleOAuthControl(req, raw, url, app) {
  const oauth = app.oauth;
  const route = `${req.method} ${url.pathname.replace(/^\/__sandbox\/oauth\//, '')}`;
  const ok = (body) => ({ status: 200, body });
  const bad = (message) => ({ status: 400, body: { error: message } });
  try {
    switch (route) {
      case 'GET config':
        return ok(configView(oauth.config));
      case 'POST config': {
        for (const [k, v] of Object.entries(jsonBody(raw))) {
          const key = CONFIG_KEYS[k];
          if (!key) return bad(`unknown setting ${k}; expected one of ${Object.keys(CONFIG_KEYS).join(', ')}`);
          if (key === 'includeExpiresIn') oauth.config[key] = Boolean(v);
          else if (!Number.isFinite(Number(v)) || Number(v) < 1) return bad(`${k} must be a positive number`);
          else oauth.config[key] = Number(v);
        }
        return ok(configView(oauth.config));
      }
      case 'GET stats':
        return ok({ ...oauth.stats });
      case 'POST approve': {
        const body = jsonBody(raw);
        const params = new URLSearchParams();
        for (const k of ['client_id', 'redirect_uri', 'state', 'scope', 'code_challenge', 'code_challenge_method']) {
          if (body[k] != null) params.set(k, String(body[k]));
        }
        return ok(oauth.approveDirectly(params, TOKEN_USERS[body.user ?? 'admin']));
      }
      case 'POST revoke-all':
        oauth.revokeAll();
        return ok({ ok: true });
      case 'POST invalidate-access-tokens':
        oauth.invalidateAccessTokens();
        return ok({ ok: true });
      case 'POST integration-jwt':
        return ok(oauth.integrationJwt(jsonBody(raw)));
      case 'GET secrets': {
        const appSecrets = Object.values(OAUTH_APPS).flatMap((a) => [a.client_secret, a.signing_secret]);
        return ok({ secrets: [...appSecrets, ...oauth.issued] });
      }
      default:
        return { status: 404, body: { error: `no control endpoint ${req.method} ${url.pathname}` } };
    }
  } catch (e) {
    if (e instanceof OAuthError) return bad(`${e.error}: ${e.message}`);
    return bad(`bad request: ${e.message}`);
  }
}
