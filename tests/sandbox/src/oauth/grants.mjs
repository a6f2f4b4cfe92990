// What the sandbox's OAuth server remembers: pending consent requests, codes,
// access and refresh tokens, and the counters tests read. Behaviour follows
// REFERENCE.md §6.2; where monday publishes nothing, OAuth 2.1 / RFC 6749 /
// RFC 9700 best practice decides (noted inline).

import crypto from 'node:crypto';
import { ACCOUNT_ID } from '../config.mjs';
import { TOKEN_USERS } from '../tokens.mjs';
import { appByClientId, redirectUriAllowed } from './apps.mjs';
import { signJwt } from './jwt.mjs';

export const DEFAULT_OAUTH_CONFIG = Object.freeze({
  accessTokenTtlSeconds: 3600, // new flow only; classic tokens do not expire
  codeTtlSeconds: 600,
  shortLivedTokenTtlSeconds: 300, // REFERENCE §6.3: shortLivedToken lasts 5 minutes
  // REFERENCE §9 q7: whether monday returns expires_in is unknown; by default the
  // sandbox does not, so clients must read the access token's `exp` claim.
  includeExpiresIn: false,
});

const random = (bytes = 24) => crypto.randomBytes(bytes).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

// An OAuth protocol error: `status` 400 (or 401 for client authentication).
export class OAuthError extends Error {
  constructor(error, description, status = 400) {
    super(description);
    this.error = error;
    this.status = status;
  }
}

export class OAuthState {
  constructor() {
    this.reset();
  }

  reset() {
    this.config = { ...DEFAULT_OAUTH_CONFIG };
    this.tokenKey = crypto.randomBytes(32); // signs the access-token JWTs; clients never verify them
    this.pending = new Map();
    this.codes = new Map();
    this.accessTokens = new Map();
    this.refreshTokens = new Map();
    this.families = new Map();
    this.shortLivedTokens = new Map();
    this.issued = [];
    this.stats = {
      consent_pages: 0, approvals: 0, denials: 0, code_exchanges: 0, refreshes: 0,
      refresh_token_reuse: 0, revocations: 0, token_errors: 0,
    };
  }

  remember(secret) {
    this.issued.push(secret);
    return secret;
  }

  // --- /oauth2/authorize ---------------------------------------------------

  // Checks an authorization request. Problems with the client or redirect URI
  // are shown to the user (never redirected, RFC 6749 §4.1.2.1); the others go
  // back to the redirect URI as `error=...`.
  startAuthorization(params, userId = TOKEN_USERS.admin) {
    const app = appByClientId(params.get('client_id'));
    if (!app) return { page: 'error', message: 'Unknown client_id: no monday app has this client ID.' };
    const redirectUri = params.get('redirect_uri');
    if (!redirectUri || !redirectUriAllowed(app, redirectUri)) {
      return { page: 'error', message: 'redirect_uri does not match any redirect URL configured for this app.' };
    }
    const state = params.get('state');
    const back = (error, description) => ({ redirect: withQuery(redirectUri, { error, error_description: description, state }) });
    const responseType = params.get('response_type');
    if (responseType != null && responseType !== 'code') return back('unsupported_response_type', 'Only response_type=code is supported');
    const requested = (params.get('scope') || '').split(/[\s+]+/).filter(Boolean);
    const unknown = requested.filter((s) => !app.scopes.includes(s));
    if (unknown.length) return back('invalid_scope', `Scopes not configured for this app: ${unknown.join(' ')}`);
    const scopes = requested.length ? requested : app.scopes;
    const challenge = params.get('code_challenge');
    const method = params.get('code_challenge_method');
    if (challenge != null) {
      if (app.flow !== 'oauth2.1') return back('invalid_request', 'PKCE is only available with the new OAuth flow');
      if ((method ?? 'plain') !== 'S256') return back('invalid_request', 'code_challenge_method must be S256');
      if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return back('invalid_request', 'code_challenge is not a base64url SHA-256 value');
    }
    const id = random(16);
    this.pending.set(id, { app, userId, redirectUri, state, scopes, challenge, createdAt: now() });
    this.stats.consent_pages += 1;
    return { page: 'consent', id, app, scopes };
  }

  // The user pressed Approve or Deny on the consent page: where the browser goes next.
  decide(id, approve) {
    const request = this.pending.get(id);
    if (!request) throw new OAuthError('invalid_request', 'This authorization request is unknown or was already answered.');
    this.pending.delete(id);
    if (!approve) {
      this.stats.denials += 1;
      return withQuery(request.redirectUri, { error: 'access_denied', error_description: 'The user denied access', state: request.state });
    }
    this.stats.approvals += 1;
    const code = this.remember(random(24));
    this.codes.set(code, {
      app: request.app, userId: request.userId, redirectUri: request.redirectUri, scopes: request.scopes,
      challenge: request.challenge, expiresAt: now() + this.config.codeTtlSeconds, used: false, family: null,
    });
    // monday also sends region and scope back (REFERENCE §6.2 step 2).
    return withQuery(request.redirectUri, { code, state: request.state, region: 'use1', scope: request.scopes.join(' ') });
  }

  // Test shortcut for "the user approved in a browser elsewhere": a code as if
  // the consent page had been approved.
  approveDirectly(params, userId) {
    const started = this.startAuthorization(params, userId);
    if (started.page !== 'consent') throw new OAuthError('invalid_request', started.message || 'authorization request rejected');
    const location = new URL(this.decide(started.id, true));
    return { code: location.searchParams.get('code'), state: location.searchParams.get('state') };
  }

  // --- token endpoints -------------------------------------------------------

  authenticateClient(form, flow) {
    const app = appByClientId(form.client_id);
    if (!app || form.client_secret !== app.client_secret) {
      throw new OAuthError('invalid_client', 'Client authentication failed: check client_id and client_secret.', 401);
    }
    if (app.flow !== flow) {
      // Assumption: monday's endpoints serve only apps of their own flow.
      throw new OAuthError('unauthorized_client', flow === 'classic'
        ? 'This app uses the new OAuth flow: use /oauth_ms/oauth/token.'
        : 'This app does not use the new OAuth flow: use /oauth2/token.');
    }
    return app;
  }

  redeemCode(form, app) {
    const grant = this.codes.get(form.code);
    if (!grant || grant.app !== app) throw new OAuthError('invalid_grant', 'The authorization code is invalid.');
    if (grant.used) {
      // RFC 6749 §4.1.2: a code used twice revokes what it issued.
      if (grant.family) this.revokeFamily(grant.family);
      throw new OAuthError('invalid_grant', 'The authorization code was already used.');
    }
    grant.used = true;
    if (grant.expiresAt < now()) throw new OAuthError('invalid_grant', 'The authorization code has expired.');
    if (form.redirect_uri !== grant.redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri differs from the one used to authorize.');
    if (grant.challenge) {
      if (!form.code_verifier) throw new OAuthError('invalid_grant', 'code_verifier is required for this code.');
      const computed = crypto.createHash('sha256').update(form.code_verifier).digest('base64url');
      if (computed !== grant.challenge) throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge.');
    }
    this.stats.code_exchanges += 1;
    return grant;
  }

  classicToken(form) {
    const app = this.authenticateClient(form, 'classic');
    const grant = this.redeemCode(form, app);
    const family = this.newFamily(app, grant.userId, grant.scopes);
    grant.family = family;
    const accessToken = this.issueAccessToken(family, null);
    return { access_token: accessToken, token_type: 'Bearer', scope: grant.scopes.join(' ') };
  }

  newFlowToken(form) {
    const app = this.authenticateClient(form, 'oauth2.1');
    if (form.grant_type === 'refresh_token') return this.refresh(form, app);
    if (form.grant_type != null && form.grant_type !== 'authorization_code') {
      throw new OAuthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
    }
    const grant = this.redeemCode(form, app);
    const family = this.newFamily(app, grant.userId, grant.scopes);
    grant.family = family;
    return this.tokenResponse(family);
  }

  refresh(form, app) {
    const entry = this.refreshTokens.get(form.refresh_token);
    if (!entry || entry.family.app !== app) throw new OAuthError('invalid_grant', 'The refresh token is invalid.');
    if (entry.family.revoked) throw new OAuthError('invalid_grant', 'The refresh token was revoked.');
    if (entry.used) {
      // Rotation (OAuth 2.1 §4.3.1): a replayed refresh token means two parties hold
      // it, so the whole grant is revoked and the user must authorize again.
      this.stats.refresh_token_reuse += 1;
      this.revokeFamily(entry.family);
      throw new OAuthError('invalid_grant', 'The refresh token was already used; the grant has been revoked.');
    }
    entry.used = true;
    this.stats.refreshes += 1;
    return this.tokenResponse(entry.family);
  }

  tokenResponse(family) {
    const expiresIn = this.config.accessTokenTtlSeconds;
    const accessToken = this.issueAccessToken(family, expiresIn);
    const refreshToken = this.remember(random(32));
    this.refreshTokens.set(refreshToken, { family, used: false });
    const body = { access_token: accessToken, refresh_token: refreshToken, token_type: 'Bearer', scope: family.scopes.join(' ') };
    if (this.config.includeExpiresIn) body.expires_in = expiresIn;
    return body;
  }

  newFamily(app, userId, scopes) {
    const family = { id: random(9), app, userId, scopes, revoked: false };
    this.families.set(family.id, family);
    return family;
  }

  issueAccessToken(family, ttlSeconds) {
    const iat = now();
    const claims = { uid: family.userId, actid: ACCOUNT_ID, aai: family.app.client_id, rgn: 'use1', scp: family.scopes.join(' '), iat, jti: random(9) };
    if (ttlSeconds != null) claims.exp = iat + ttlSeconds;
    const token = this.remember(signJwt(claims, this.tokenKey));
    this.accessTokens.set(token, { family, expiresAt: claims.exp ?? null, invalidated: false });
    return token;
  }

  revokeFamily(family) {
    family.revoked = true;
  }

  revoke(form) {
    const app = this.authenticateClient(form, 'oauth2.1');
    const access = this.accessTokens.get(form.token);
    const refresh = this.refreshTokens.get(form.token);
    const entry = access || refresh;
    // RFC 7009 §2.2: unknown tokens are not an error.
    if (entry && entry.family.app === app) {
      this.revokeFamily(entry.family);
      this.stats.revocations += 1;
    }
    return { success: true };
  }

  // --- used by /v2 -------------------------------------------------------------

  // The user id an OAuth access token or short-lived token acts as, or null.
  userIdForToken(token) {
    const access = this.accessTokens.get(token);
    if (access) {
      if (access.family.revoked || access.invalidated) return null;
      if (access.expiresAt != null && access.expiresAt <= now()) return null;
      return access.family.userId;
    }
    const shortLived = this.shortLivedTokens.get(token);
    if (shortLived && shortLived.expiresAt > now()) return shortLived.userId;
    return null;
  }

  isKnownToken(token) {
    return this.accessTokens.has(token) || this.shortLivedTokens.has(token);
  }

  // --- control ------------------------------------------------------------------

  revokeAll() {
    for (const family of this.families.values()) this.revokeFamily(family);
    this.shortLivedTokens.clear();
  }

  // Access tokens stop working before their `exp`, as when monday rotates keys:
  // a client that trusts `exp` gets a 401 and must refresh.
  invalidateAccessTokens() {
    for (const entry of this.accessTokens.values()) entry.invalidated = true;
  }

  integrationJwt({ client_id: clientId, user = 'admin', expires_in: expiresIn = 300, aud = 'https://app.example.com/monday/action' }) {
    const app = appByClientId(clientId);
    if (!app) throw new OAuthError('invalid_request', 'unknown client_id');
    const userId = TOKEN_USERS[user];
    if (!userId) throw new OAuthError('invalid_request', `user must be one of ${Object.keys(TOKEN_USERS).join(', ')}`);
    const shortLivedToken = this.remember(random(32));
    this.shortLivedTokens.set(shortLivedToken, { userId, expiresAt: now() + this.config.shortLivedTokenTtlSeconds });
    const iat = now();
    const jwt = this.remember(signJwt({ accountId: ACCOUNT_ID, userId, aud, iat, exp: iat + Number(expiresIn), shortLivedToken }, app.signing_secret));
    return { jwt };
  }
}

function withQuery(base, params) {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v != null) url.searchParams.set(k, v);
  return url.toString();
}
