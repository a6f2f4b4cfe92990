"""The OAuth procedures from pyodbc, and two processes refreshing one settings file at once.
Tokens are compared, never printed (assert messages say what differs, not the values)."""
import json
import os
import pathlib
import ssl
import stat
import subprocess
import sys
import urllib.parse
import urllib.request

import pyodbc
import pytest

RUN_DIR = pathlib.Path(os.environ["MONDAY_TEST_RUN_DIR"])
URL = (RUN_DIR / "url").read_text().strip()
CA = str(RUN_DIR / "ca.pem")
HERE = pathlib.Path(__file__).resolve().parent
CLIENT_ID = "sandbox-oauth21-client-id"
CLIENT_SECRET = "sandbox-oauth21-client-secret"
KEY = "7e57" * 16
CONTEXT = ssl.create_default_context(cafile=CA)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(urllib.request.HTTPSHandler(context=CONTEXT), NoRedirect)


def sandbox(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(URL + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with OPENER.open(request) as response:
        return json.loads(response.read())


def approve(authorization_url):
    """A person approving on the consent page: returns the redirect URL (code and state)."""
    with OPENER.open(authorization_url) as response:
        page = response.read().decode()
    request_id = page.split('name="request_id" value="')[1].split('"')[0]
    form = urllib.parse.urlencode({"request_id": request_id, "decision": "approve"}).encode()
    try:
        OPENER.open(urllib.request.Request(URL + "/oauth2/authorize", data=form))
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 302
        return redirect.headers["Location"]
    raise AssertionError("the consent form did not redirect")


def query_of(url):
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlparse(url).query).items()}


def oauth_string(initiate, **extra):
    parts = {
        "Driver": "monday", "APIURL": URL + "/v2", "SSLServerCert": CA, "AuthScheme": "OAuth", "AuthURL": URL,
        "OAuthFlow": "OAuth2.1", "OAuthClientId": CLIENT_ID, "OAuthClientSecret": CLIENT_SECRET,
        "InitiateOAuth": initiate, "CallbackURL": "http://127.0.0.1:33333/callback",
    }
    parts.update(extra)
    return ";".join(f"{k}={{{v}}}" if ";" in v else f"{k}={v}" for k, v in parts.items())


@pytest.fixture(autouse=True)
def sandbox_defaults():
    yield
    sandbox("POST", "/__sandbox/oauth/config", {"access_token_ttl_seconds": 3600})
    sandbox("DELETE", "/__sandbox/faults")


def test_procedures_web_flow_from_pyodbc():
    with pyodbc.connect("DSN=monday-sandbox-oauth", autocommit=True) as cn:
        url, state, verifier, callback = cn.cursor().execute("{call GetOAuthAuthorizationURL(?, ?, ?)}", None, "me:read", None).fetchone()
        assert url.startswith(URL + "/oauth2/authorize?")
        assert query_of(url)["code_challenge_method"] == "S256"
        redirect = approve(url)
        assert query_of(redirect)["state"] == state
        row = cn.cursor().execute(
            "EXEC GetOAuthAccessToken @AuthMode = 'WEB', @Verifier = ?, @State = ?", query_of(redirect)["code"], state
        ).fetchone()
        access, refresh, expires_in, scope = row
        assert len(access) > 20 and len(refresh) > 20
        assert expires_in > 3000 and scope == "me:read"
        # This connection uses the new token at once.
        assert cn.cursor().execute("SELECT name FROM Me").fetchone()[0] == "Avery Stone"
        # The columns are described like any result set.
        cursor = cn.cursor().execute("EXEC RefreshOAuthAccessToken @OAuthRefreshToken = ?", refresh)
        assert [d[0] for d in cursor.description] == ["oauth_access_token", "oauth_refresh_token", "expires_in", "scope"]
        new_access, new_refresh, _, _ = cursor.fetchone()
        assert new_access != access and new_refresh != refresh
    # A DSN-less application passes the token it kept.
    with pyodbc.connect(oauth_string("OFF", OAuthAccessToken=new_access), autocommit=True) as cn:
        assert cn.cursor().execute("SELECT name FROM Me").fetchone()[0] == "Avery Stone"
    procedures = set()
    with pyodbc.connect("DSN=monday-sandbox-oauth", autocommit=True) as cn:
        procedures = {row.procedure_name.split(";")[0] for row in cn.cursor().procedures()}
    assert {"GetOAuthAuthorizationURL", "GetOAuthAccessToken", "RefreshOAuthAccessToken"} <= procedures


def test_two_processes_refreshing_one_settings_file_lose_nothing(tmp_path):
    settings = tmp_path / "shared.settings"
    common = {"OAuthSettingsLocation": str(settings), "OAuthSettingsKey": KEY}
    # Access tokens live 1 s from now on (the saved ones too), so the workers must refresh.
    sandbox("POST", "/__sandbox/oauth/config", {"access_token_ttl_seconds": 1})
    # Authorize once (APP mode saves the tokens to the shared file).
    with pyodbc.connect(oauth_string("OFF", **common), autocommit=True) as cn:
        url = cn.cursor().execute("EXEC GetOAuthAuthorizationURL").fetchone()[0]
        code = query_of(approve(url))["code"]
        cn.cursor().execute("EXEC GetOAuthAccessToken @AuthMode = 'APP', @Verifier = ?", code).fetchone()
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600

    # Every refresh takes 300 ms: the processes' refreshes overlap.
    sandbox("POST", "/__sandbox/faults", {"kind": "delay", "delay_ms": 300, "count": 200, "path": "/oauth_ms/oauth/token"})
    before = sandbox("GET", "/__sandbox/oauth/stats")
    env = dict(os.environ, MONDAY_OAUTH_WORKER_CONNECTION=oauth_string("REFRESH", **common))
    workers = [
        subprocess.Popen([sys.executable, str(HERE / "oauth_refresh_worker.py"), "8"], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [json.loads(w.communicate(timeout=240)[0].strip().splitlines()[-1]) for w in workers]
    after = sandbox("GET", "/__sandbox/oauth/stats")

    for result in results:
        assert result == {"ok": 8, "errors": []}
    refreshes = after["refreshes"] - before["refreshes"]
    assert refreshes >= 3, f"only {refreshes} refreshes: the test did not exercise rotation"
    assert after["refresh_token_reuse"] == before["refresh_token_reuse"], "a rotated refresh token was used twice"
    # The file is intact and holds the newest tokens.
    sandbox("DELETE", "/__sandbox/faults")
    with pyodbc.connect(oauth_string("REFRESH", **common), autocommit=True) as cn:
        assert cn.cursor().execute("SELECT name FROM Me").fetchone()[0] == "Avery Stone"
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.tmp-*")), "a temporary file was left behind"
