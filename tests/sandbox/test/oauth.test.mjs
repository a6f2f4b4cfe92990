// OAuth: consent page, both token flows, PKCE, rotation, revocation, expiry, JWTs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startSandbox } from './helpers.mjs';
import { OAUTH_APPS } from '../src/oauth/apps.mjs';
import { verifyJwt } from '../src/oauth/jwt.mjs';

const { classic, oauth21 } = OAUTH_APPS;
const REDIRECT = 'http://127.0.0.1:45678/callback';
let sb;

before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});

const form = (fields) => new URLSearchParams(Object.entries(fields).filter(([, v]) => v != null)).toString();
const post = (path, fields, json = false) => sb.request({
  path, headers: { 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
  body: json ? JSON.stringify(fields) : form(fields),
}).then((r) => ({ ...r, json: JSON.parse(r.body) }));

// The browser's part: open the consent page, press a button, return the redirect.
async function consent(app, { redirect = REDIRECT, state = 'st-1', scope, challenge, decision = 'approve' } = {}) {
  const q = form({ client_id: app.client_id, redirect_uri: redirect, state, scope, response_type: 'code',
    code_challenge: challenge, code_challenge_method: challenge ? 'S256' : undefined });
  const page = await sb.request({ method: 'GET', path: `/oauth2/authorize?${q}` });
  assert.equal(page.status, 200, page.body);
  assert.match(page.headers['content-type'], /text\/html/);
  assert.match(page.body, /<button[^>]*id="approve"[^>]*>Approve<\/button>/);
  const requestId = /name="request_id" value="([^"]+)"/.exec(page.body)[1];
  const answer = await sb.request({ path: '/oauth2/authorize', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form({ request_id: requestId, decision }) });
  assert.equal(answer.status, 302);
  return new URL(answer.headers.location);
}

const me = (token) => sb.gql('{ me { id name } }', null, { token: `Bearer ${token}` });

test('classic flow: consent, code, long-lived token without refresh token', async () => {
  const back = await consent(classic, { scope: 'me:read boards:read' });
  assert.equal(`${back.origin}${back.pathname}`, REDIRECT);
  assert.equal(back.searchParams.get('state'), 'st-1');
  assert.equal(back.searchParams.get('region'), 'use1');
  assert.equal(back.searchParams.get('scope'), 'me:read boards:read');
  const code = back.searchParams.get('code');
  const r = await post('/oauth2/token', { client_id: classic.client_id, client_secret: classic.client_secret, code, redirect_uri: REDIRECT });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.token_type, 'Bearer');
  assert.equal(r.json.refresh_token, undefined);
  assert.equal(r.json.expires_in, undefined);
  const claims = JSON.parse(Buffer.from(r.json.access_token.split('.')[1], 'base64url'));
  assert.equal(claims.exp, undefined, 'classic tokens do not expire');
  assert.equal((await me(r.json.access_token)).json.data.me.name, 'Avery Stone');
  const again = await post('/oauth2/token', { client_id: classic.client_id, client_secret: classic.client_secret, code, redirect_uri: REDIRECT });
  assert.equal(again.status, 400);
  assert.equal(again.json.error, 'invalid_grant');
  assert.equal((await me(r.json.access_token)).status, 401, 'a replayed code revokes what it issued');
});

test('new flow: PKCE, expiring JWT access token, rotating refresh token, reuse revokes the grant', async () => {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const code = (await consent(oauth21, { challenge })).searchParams.get('code');
  const base = { client_id: oauth21.client_id, client_secret: oauth21.client_secret, redirect_uri: REDIRECT };
  const wrong = await post('/oauth_ms/oauth/token', { ...base, grant_type: 'authorization_code', code, code_verifier: 'x'.repeat(43) });
  assert.equal(wrong.json.error, 'invalid_grant');
  const code2 = (await consent(oauth21, { challenge })).searchParams.get('code');
  const first = await post('/oauth_ms/oauth/token', { ...base, grant_type: 'authorization_code', code: code2, code_verifier: verifier }, true);
  assert.equal(first.status, 200, first.body);
  assert.ok(first.json.refresh_token);
  const claims = JSON.parse(Buffer.from(first.json.access_token.split('.')[1], 'base64url'));
  assert.ok(claims.exp > Date.now() / 1000 + 3000);
  assert.equal((await me(first.json.access_token)).status, 200);

  const refresh = (token) => post('/oauth_ms/oauth/token', { grant_type: 'refresh_token', refresh_token: token, client_id: oauth21.client_id, client_secret: oauth21.client_secret });
  const second = await refresh(first.json.refresh_token);
  assert.equal(second.status, 200, second.body);
  assert.notEqual(second.json.refresh_token, first.json.refresh_token);
  assert.equal((await me(second.json.access_token)).status, 200);
  const replay = await refresh(first.json.refresh_token);
  assert.equal(replay.json.error, 'invalid_grant');
  assert.equal((await me(second.json.access_token)).status, 401, 'reuse revokes the whole grant');
  assert.equal((await refresh(second.json.refresh_token)).json.error, 'invalid_grant');
  const stats = (await sb.control('GET', 'oauth/stats')).json;
  assert.ok(stats.refresh_token_reuse >= 1);
});

test('redirect URIs are compared exactly (loopback ports excepted) and errors are pages, not redirects', async () => {
  for (const redirect of ['https://evil.example/callback', 'http://127.0.0.1:45678/callback/', 'http://127.0.0.1:45678/other', 'http://127.0.0.1:45678/callback?x=1']) {
    const q = form({ client_id: classic.client_id, redirect_uri: redirect, state: 's' });
    const page = await sb.request({ method: 'GET', path: `/oauth2/authorize?${q}` });
    assert.equal(page.status, 400, redirect);
    assert.match(page.body, /redirect_uri does not match/);
  }
  const code = (await consent(classic)).searchParams.get('code');
  const r = await post('/oauth2/token', { client_id: classic.client_id, client_secret: classic.client_secret, code, redirect_uri: 'http://127.0.0.1:45679/callback' });
  assert.equal(r.json.error, 'invalid_grant');
});

test('deny sends access_denied back with the state', async () => {
  const back = await consent(classic, { decision: 'deny', state: 'st-deny' });
  assert.equal(back.searchParams.get('error'), 'access_denied');
  assert.equal(back.searchParams.get('state'), 'st-deny');
  assert.equal(back.searchParams.get('code'), null);
});

test('each token endpoint serves only its own flow; bad client secrets are 401', async () => {
  const code = (await consent(classic)).searchParams.get('code');
  const r = await post('/oauth_ms/oauth/token', { client_id: classic.client_id, client_secret: classic.client_secret, code, redirect_uri: REDIRECT });
  assert.equal(r.json.error, 'unauthorized_client');
  const bad = await post('/oauth2/token', { client_id: classic.client_id, client_secret: 'nope', code, redirect_uri: REDIRECT });
  assert.equal(bad.status, 401);
  assert.equal(bad.json.error, 'invalid_client');
});

test('short access-token lifetime, invalidation and revocation', async () => {
  await sb.control('POST', 'oauth/config', { access_token_ttl_seconds: 1, include_expires_in: true });
  try {
    const { code } = (await sb.control('POST', 'oauth/approve', { client_id: oauth21.client_id, redirect_uri: REDIRECT })).json;
    const t = await post('/oauth_ms/oauth/token', { client_id: oauth21.client_id, client_secret: oauth21.client_secret, code, redirect_uri: REDIRECT, grant_type: 'authorization_code' });
    assert.equal(t.json.expires_in, 1);
    await new Promise((r) => setTimeout(r, 2100));
    assert.equal((await me(t.json.access_token)).status, 401);
    await sb.control('POST', 'oauth/config', { access_token_ttl_seconds: 3600 });
    const fresh = await post('/oauth_ms/oauth/token', { grant_type: 'refresh_token', refresh_token: t.json.refresh_token, client_id: oauth21.client_id, client_secret: oauth21.client_secret });
    assert.equal((await me(fresh.json.access_token)).status, 200);
    await sb.control('POST', 'oauth/invalidate-access-tokens');
    assert.equal((await me(fresh.json.access_token)).status, 401);
    const third = await post('/oauth_ms/oauth/token', { grant_type: 'refresh_token', refresh_token: fresh.json.refresh_token, client_id: oauth21.client_id, client_secret: oauth21.client_secret });
    assert.equal((await me(third.json.access_token)).status, 200);
    const revoked = await post('/oauth_ms/oauth/revoke', { token: third.json.refresh_token, token_type_hint: 'refresh_token', client_id: oauth21.client_id, client_secret: oauth21.client_secret });
    assert.deepEqual(revoked.json, { success: true });
    assert.equal((await me(third.json.access_token)).status, 401);
    const logged = sb.requests().filter((l) => l.path === '/v2' && l.status === 401).map((l) => l.token_kind);
    assert.ok(logged.includes('oauth-rejected'));
  } finally {
    await sb.control('POST', 'oauth/config', { access_token_ttl_seconds: 3600, include_expires_in: false });
  }
});

test('integration JWT: signed with the signing secret, shortLivedToken works on /v2', async () => {
  const { jwt } = (await sb.control('POST', 'oauth/integration-jwt', { client_id: oauth21.client_id, user: 'member' })).json;
  const claims = verifyJwt(jwt, oauth21.signing_secret);
  assert.ok(claims);
  assert.equal(verifyJwt(jwt, oauth21.client_secret), null);
  assert.equal(claims.userId, 10000002);
  assert.ok(claims.exp > claims.iat);
  const r = await sb.gql('{ me { id } }', null, { token: claims.shortLivedToken });
  assert.equal(r.json.data.me.id, '10000002');
});

test('the request log never holds codes, states or tokens', async () => {
  await consent(oauth21, { state: 'very-secret-state-value' });
  const secrets = (await sb.control('GET', 'oauth/secrets')).json.secrets;
  assert.ok(secrets.length > 5);
  const text = JSON.stringify(sb.requests());
  for (const s of [...secrets, 'very-secret-state-value']) assert.ok(!text.includes(s), 'a secret reached the request log');
});
