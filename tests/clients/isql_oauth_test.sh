#!/usr/bin/env bash
# The OAuth procedures from isql (unixODBC's command-line client): the web flow on the DSN
# monday-sandbox-oauth, which has no token yet. Tokens stay in shell variables and are passed to
# isql as env: references; nothing secret is printed, also not on failure.
set -euo pipefail
run_dir=${MONDAY_TEST_RUN_DIR:?run through ctest}
url=$(cat "$run_dir/url")
ca="$run_dir/ca.pem"
fail() { echo "FAIL: $*" >&2; exit 1; }

isql_rows() {  # isql_rows CONNECTION SQL [-k] → rows as 'a|b|c'
  printf '%s\n' "$2" | isql "$1" -b -d'|' -x0x7c -L8000 ${3:-} 2>&1
}

# 1. The authorization URL, on a connection that has no token (no API call needed).
row=$(isql_rows monday-sandbox-oauth "EXEC GetOAuthAuthorizationURL @Scope = 'me:read boards:read'")
IFS='|' read -r auth_url state verifier callback <<<"$row"
[[ "$auth_url" == "$url/oauth2/authorize?"* ]] || fail "GetOAuthAuthorizationURL gave no authorize URL (first 60 chars: ${row:0:60})"
[[ "$auth_url" == *"code_challenge_method=S256"* ]] || fail "no PKCE challenge in the URL"
[[ ${#verifier} -eq 43 ]] || fail "code_verifier has ${#verifier} characters, want 43"
[[ "$callback" == "http://127.0.0.1:33333/callback" ]] || fail "callback_url is '$callback'"

# 2. A person approves on monday's consent page; the redirect carries code and state.
page=$(curl -sS --cacert "$ca" "$auth_url")
request_id=$(sed -n 's/.*name="request_id" value="\([^"]*\)".*/\1/p' <<<"$page")
[[ -n "$request_id" ]] || fail "the consent page has no form"
location=$(curl -sS --cacert "$ca" -o /dev/null -w '%{redirect_url}' --data "request_id=$request_id&decision=approve" "$url/oauth2/authorize")
code=$(python3 -c 'import sys,urllib.parse as u; print(u.parse_qs(u.urlparse(sys.argv[1]).query)["code"][0])' "$location")
returned_state=$(python3 -c 'import sys,urllib.parse as u; print(u.parse_qs(u.urlparse(sys.argv[1]).query)["state"][0])' "$location")
[[ "$returned_state" == "$state" ]] || fail "the redirect's state differs from GetOAuthAuthorizationURL's"

# 3. The web application exchanges the code in another session (another isql process).
row=$(isql_rows monday-sandbox-oauth "EXEC GetOAuthAccessToken @AuthMode = 'WEB', @Verifier = '$code', @State = '$state', @CodeVerifier = '$verifier'")
IFS='|' read -r access refresh expires_in scope <<<"$row"
[[ ${#access} -gt 20 && ${#refresh} -gt 20 ]] || fail "GetOAuthAccessToken returned no tokens (${#access}/${#refresh} characters)"
[[ "$expires_in" =~ ^[0-9]+$ && "$expires_in" -gt 3000 ]] || fail "expires_in is '$expires_in'"
[[ "$scope" == "me:read boards:read" ]] || fail "scope is '$scope'"

# 4. The token works: a connection string with OAuthAccessToken=env:NAME (isql -k).
export MONDAY_ISQL_ACCESS_TOKEN="$access" MONDAY_ISQL_REFRESH_TOKEN="$refresh"
out=$(isql_rows "DSN=monday-sandbox-oauth;OAuthAccessToken=env:MONDAY_ISQL_ACCESS_TOKEN" "SELECT name FROM Me" -k)
[[ "$out" == "Avery Stone" ]] || fail "SELECT name FROM Me with the new token: '${out:0:80}'"

# 5. RefreshOAuthAccessToken rotates: new tokens, the old refresh token is refused.
row=$(isql_rows monday-sandbox-oauth "EXEC RefreshOAuthAccessToken @OAuthRefreshToken = '$refresh'")
IFS='|' read -r access2 refresh2 _ _ <<<"$row"
[[ ${#access2} -gt 20 && "$access2" != "$access" && "$refresh2" != "$refresh" ]] || fail "RefreshOAuthAccessToken did not rotate the tokens"
# isql's exit status does not tell a failed statement from a good one: read what it printed.
out=$(printf "EXEC RefreshOAuthAccessToken @OAuthRefreshToken = '%s'\n" "$refresh" | isql -v monday-sandbox-oauth -b 2>&1) || true
grep -q "28000" <<<"$out" || fail "a used refresh token was accepted (no 28000): ${out:0:200}"
for secret in "$access" "$refresh" "$access2" "$refresh2" "$code" "$verifier"; do
  [[ "$out" != *"$secret"* ]] || fail "a secret was echoed in isql's error output"
done

echo "isql OAuth procedures test passed"
