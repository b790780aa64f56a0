#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Smoke test of a running leadfeeder-simulator with curl: ./simulator/smoke.sh PORT KEY
# Works with any --seed and with --rate-limit on or off (it stays under 10 requests/s, and the
# burst check at the end is skipped when no 429 comes). Exits non-zero on any mismatch.
set -u

PORT=${1:?usage: smoke.sh PORT KEY}
KEY=${2:?usage: smoke.sh PORT KEY}
BASE="http://127.0.0.1:$PORT/v1"
ACCOUNT=123456  # the simulator's account with credits

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# request METHOD PATH [BODY [curl args...]]: sets STATUS (000 when no answer), CURL_RC, and
# leaves the body in $tmp/body and the headers in $tmp/headers.
request() {
  local method=$1 path=$2 body=${3-}
  shift $(($# < 3 ? $# : 3))
  sleep 0.12  # stay under the default rate limit of 10 requests/s
  local args=(-s -g -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X "$method")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  : >"$tmp/body"
  : >"$tmp/headers"
  STATUS=$(curl "${args[@]}" "$@" "$BASE$path")
  CURL_RC=$?
}
auth=(-H "X-Api-Key: $KEY")

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

# check NAME STATUS [PATTERN...]: the status and fixed strings expected in the body.
check() {
  local name=$1 want=$2 pattern
  shift 2
  if [ "$STATUS" != "$want" ]; then
    fail "$name: status $STATUS, want $want; body: $(head -c 300 "$tmp/body")"
    return
  fi
  for pattern in "$@"; do
    if ! grep -qF -- "$pattern" "$tmp/body"; then
      fail "$name: body lacks $pattern; body: $(head -c 300 "$tmp/body")"
      return
    fi
  done
  pass "$name"
}

# json_id: the "id" of the data object in the last body.
json_id() { sed -n 's/^{"data":{"type":"[a-z_]*","id":"\([^"]*\)".*/\1/p' "$tmp/body"; }

# --- Auth (docs/api-reference.md, 1.2, 1.10): 401 as the live API answers, with WWW-Authenticate, the errors[]
# list and the singular error (the simulator's --auth-status 403 gives the docs page's 403 instead).
request GET "/accounts"
# shellcheck disable=SC2016  # the backquotes are part of the documented message
check "missing key: 401 missing_token" 401 '"errors":[{"code":"missing_token"' \
  '"error":{"code":"missing_token","message":"You need to pass a header named `X-Api-Key` that contains a valid API key."}'
if grep -qi '^WWW-Authenticate:' "$tmp/headers"; then pass "missing key: WWW-Authenticate"; else fail "missing key: no WWW-Authenticate"; fi
request GET "/accounts" "" -H "X-Api-Key: not-$KEY"
check "unknown key: 401 invalid_api_key" 401 '"errors":[{"code":"invalid_api_key"' \
  '"error":{"code":"invalid_api_key","message":"The provided API key is invalid. Please generate a new API key."}'

# --- Reads.
request GET "/users/me" "" "${auth[@]}"
check "users.me" 200 '"type":"user"' '"team_role"'
rid=$(sed -n 's/.*"request_id":"\([^"]*\)".*/\1/p' "$tmp/body")
if [ -n "$rid" ] && grep -qi "^x-request-id: $rid" "$tmp/headers"; then pass "X-Request-Id equals meta.request_id"; else fail "X-Request-Id equals meta.request_id ($rid)"; fi
request GET "/accounts?account_id=$ACCOUNT" "" "${auth[@]}"
check "accounts.list with account_id: credits" 200 '"type":"account"' '"credits":{"available":'
request GET "/contacts?ids=3219787601,3219787635,no-such-id&account_id=$ACCOUNT&include=company" "" "${auth[@]}"
check "contacts.retrieve (docs sample ids; unknown left out)" 200 '"id":"3219787601"' '"id":"3219787635"' \
  '"credits":{"charged":' '"buyer_personas":'
if grep -qF 'no-such-id' "$tmp/body"; then fail "contacts.retrieve leaves unknown ids out"; fi
request GET "/contacts/3219787601?account_id=$ACCOUNT" "" "${auth[@]}"
check "contacts.get: a record read before costs nothing" 200 '"credits":{"charged":0}'
request GET "/companies/900001?account_id=$ACCOUNT" "" "${auth[@]}"
check "companies.get: a merged id answers with the current id" 200 '"type":"company","id":"129018"' '"previous_ids":["900001"'

# --- Pagination (docs/api-reference.md, 1.7).
request POST "/contacts/search?account_id=$ACCOUNT&page%5Bsize%5D=2" '{"search_terms":["a"]}' "${auth[@]}"
check "contacts.search, first page" 200 '"type":"contact_summary"' '"next_cursor":"'
cursor=$(sed -n 's/.*"next_cursor":"\([^"]*\)".*/\1/p' "$tmp/body")
request POST "/contacts/search?account_id=$ACCOUNT&page%5Bsize%5D=2&page%5Bcursor%5D=$cursor" '{"search_terms":["a"]}' "${auth[@]}"
check "contacts.search, next page by cursor" 200 '"type":"contact_summary"'
request POST "/companies/search?account_id=$ACCOUNT&page%5Bsize%5D=100" '{"search_terms":["acme"],"employee_ranges":["1-10"]}' "${auth[@]}"
check "companies.search, last page: next_cursor null" 200 '"next_cursor":null'
request POST "/web-visits?account_id=$ACCOUNT&page%5Bnum%5D=2&page%5Bsize%5D=5" \
  '{"start_date":"2026-10-01","end_date":"2026-10-31"}' "${auth[@]}"
check "web_visits.search, page 2" 200 '"type":"web_visit"' '"page_num":2,"page_count":'
request GET "/tags?account_id=$ACCOUNT&page%5Bsize%5D=101" "" "${auth[@]}"
check "page[size] over 100: 400" 400 '"code":"bad_request"'

# --- Create, update, delete (docs/api-reference.md, 3.8, 3.9).
request POST "/tags?account_id=$ACCOUNT" '{"data":{"type":"tag","attributes":{"name":"smoke","color":3}}}' "${auth[@]}"
check "tags.create: 201" 201 '"type":"tag"' '"name":"smoke"'
tag=$(json_id)
request PATCH "/tags/$tag?account_id=$ACCOUNT" '{"data":{"type":"tag","attributes":{"name":"smoke renamed"}}}' "${auth[@]}"
check "tags.update merges" 200 '"name":"smoke renamed","color":3'
request DELETE "/tags/$tag?account_id=$ACCOUNT" "" "${auth[@]}"
check "tags.delete: 204" 204
request GET "/tags/$tag?account_id=$ACCOUNT" "" "${auth[@]}"
check "a deleted tag: 404 entity_not_found" 404 '"code":"entity_not_found"'

request POST "/lists?account_id=$ACCOUNT" '{"data":{"type":"list","attributes":{"name":"smoke","scope":"contact"}}}' "${auth[@]}"
check "lists.create: 201" 201 '"scope":"contact"'
list=$(json_id)
request POST "/contacts/3219787601/lists?account_id=$ACCOUNT" "{\"data\":[{\"type\":\"list\",\"id\":\"$list\"}]}" "${auth[@]}"
check "contacts.add_to_lists" 200 "\"id\":\"$list\""
request GET "/contacts/3219787601?account_id=$ACCOUNT" "" "${auth[@]}"
check "the contact's relationships.lists shows the list" 200 "\"id\":\"$list\""
request DELETE "/contacts/3219787601/lists?account_id=$ACCOUNT" "{\"data\":[{\"type\":\"list\",\"id\":\"$list\"}]}" "${auth[@]}"
check "contacts.remove_from_lists (DELETE with a body)" 200 '"data":['
if grep -qF "\"id\":\"$list\"" "$tmp/body"; then fail "the list is gone from the contact"; fi
request DELETE "/lists/$list?account_id=$ACCOUNT" "" "${auth[@]}"
check "lists.delete: 204" 204

# --- Errors.
request GET "/no-such-route?account_id=$ACCOUNT" "" "${auth[@]}"
check "unknown route: 404" 404 '"code":"entity_not_found"' '"meta":{"request_id":"'
request GET "/contacts/3219787601" "" "${auth[@]}"
check "missing account_id: 400" 400 '"code":"bad_request"'
request POST "/contacts/search?account_id=$ACCOUNT" '{"search_terms":[' "${auth[@]}"
check "malformed JSON body: 400" 400 '"code":"bad_request"'

# --- Faults by header.
request GET "/users/me" "" "${auth[@]}" -H "X-Simulator-Fault: status=503"
check "fault status=503" 503 '"errors":['
request GET "/users/me" "" "${auth[@]}" -H "X-Simulator-Fault: rate_limit"
check "fault rate_limit: 429" 429 '"code":"too_many_requests"'
if grep -qi '^retry-after: 1' "$tmp/headers"; then pass "429 carries Retry-After: 1"; else fail "429 carries Retry-After: 1"; fi
request GET "/users/me" "" "${auth[@]}" -H "X-Simulator-Fault: drop"
if [ "$CURL_RC" = 52 ]; then pass "fault drop: no answer"; else fail "fault drop: curl exit $CURL_RC, status $STATUS"; fi
request GET "/users/me" "" "${auth[@]}" -H "X-Simulator-Fault: truncate"
if [ "$CURL_RC" = 18 ]; then pass "fault truncate: short body"; else fail "fault truncate: curl exit $CURL_RC, status $STATUS"; fi
start=$(date +%s%N)
request GET "/users/me" "" "${auth[@]}" -H "X-Simulator-Fault: latency=300"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
if [ "$STATUS" = 200 ] && [ "$elapsed_ms" -ge 300 ]; then pass "fault latency=300"; else fail "fault latency=300: status $STATUS after ${elapsed_ms} ms"; fi

# --- Rate limit (docs/api-reference.md, 1.11): 20 quick requests; skipped when the simulator runs with it off.
sleep 2  # a full bucket
codes=""
for _ in $(seq 1 20); do
  codes="$codes $(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$BASE/users/me")"
done
if [[ "$codes" == *429* ]]; then
  ok=$(grep -o 200 <<<"$codes" | wc -l)
  if [ "$ok" -ge 15 ]; then pass "burst of 20: $ok answered, the rest 429"; else fail "burst of 20: only $ok answered:$codes"; fi
else
  echo "skip burst of 20: no 429 (is --rate-limit off?)"
fi
sleep 1.5

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
