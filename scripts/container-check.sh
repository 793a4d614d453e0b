#!/usr/bin/env bash
# Container check: builds the production image, runs it (read-only root filesystem, API keys, the
# rules mounted read-only from a host copy) and verifies it end to end — the OCI labels, readiness, the image
# HEALTHCHECK, the non-root user, an unauthenticated evaluation refused (401), the reference case
# (rules/cases/reference-dong.json) evaluated over HTTP with a key, SIGHUP reloads (a good change gives
# a new revision; a broken rule set is rejected and the previous revision keeps serving; POST
# /admin/reload answers 422 for it), and a clean stop with batch requests in flight: every request the
# server had taken in is answered 200, the rest are refused, and it exits 0 well inside the 10 s grace.
#
# Usage: bash scripts/container-check.sh
# Env:   CHECK_PORT (default 3300; containers share the host network, so it must be free)
#        SHARED_DIR (default: ../shared beside the repository root; holds container/podman-here)
#        IMAGE      (default discipline-rules:ci)
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared_dir=${SHARED_DIR:-$repo_root/../shared}
podman=$shared_dir/container/podman-here
make_base=$shared_dir/container/make-node-base
image=${IMAGE:-discipline-rules:ci}
port=${CHECK_PORT:-3300}
name=discipline-rules-check-$$
fixture=$repo_root/rules/cases/reference-dong.json
base_url=http://127.0.0.1:$port
ready_timeout=60
reload_timeout=10
stop_limit=10

passed=0
failed=0
started=$(date +%s)
container_created=false
loader_pid=
# Host scratch space: the rules copy mounted into the container, the key, the load generator's results.
work=$(mktemp -d "${TMPDIR:-/tmp}/discipline-rules-check.XXXXXX")
rules_copy=$work/rules
# A fresh key for this run (client ci, both scopes); 3 + 36 characters, above the 16-character minimum.
api_key="ci-$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"

pass () { passed=$((passed + 1)); echo "PASS: $*"; }
fail () { failed=$((failed + 1)); echo "FAIL: $*"; }
info () { echo "---- $*"; }
now_ms () { date +%s%3N; }
secs () { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

show_logs () {
  if $container_created; then
    echo "---- container logs (last 40 lines):"
    "$podman" logs --tail 40 "$name" 2>&1 | sed 's/^/     | /' || true
  fi
}

finish () {
  local rc=$?
  trap - EXIT
  if [ -n "$loader_pid" ]; then kill "$loader_pid" 2>/dev/null || true; fi
  if $container_created; then
    "$podman" stop -t 2 "$name" >/dev/null 2>&1 || true
    "$podman" rm -f "$name" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # set -e stopped the script outside a check: count it, so the summary never reads "0 failed".
    failed=$((failed + 1))
    echo "FAIL: container check aborted (exit $rc)"
  fi
  echo "---- took $(( $(date +%s) - started )) s"
  echo "$passed passed, $failed failed"
  if [ "$failed" -ne 0 ]; then exit 1; fi
  exit 0
}
trap finish EXIT

# A failed check that makes the rest meaningless: record it and stop (the EXIT trap cleans up).
abort () { fail "$*"; show_logs; exit 1; }

# The rules revision /readyz reports (empty when it does not answer 200).
revision () {
  node -e "fetch('$base_url/readyz',{signal:AbortSignal.timeout(2000)}).then(async r=>{if(r.status!==200)process.exit(1);process.stdout.write((await r.json()).rulesRevision)},()=>process.exit(1))" 2>/dev/null || true
}
# How many container log lines match a fixed string.
log_count () { "$podman" logs "$name" 2>&1 | grep -cF -- "$1" || true; }
# Edit rulesets/association.json in the host copy: node -e body gets `set` (the parsed file).
edit_rules () {
  node -e "const fs=require('fs');const f=process.argv[1];const set=JSON.parse(fs.readFileSync(f,'utf8'));$1;fs.writeFileSync(f,JSON.stringify(set,null,2)+'\n')" \
    "$rules_copy/rulesets/association.json"
}

[ -x "$podman" ] || { echo "container-check: $podman not found (set SHARED_DIR)" >&2; exit 1; }
[ -f "$fixture" ] || { echo "container-check: fixture $fixture not found" >&2; exit 1; }

# 1. base image (a stand-in for node:24-bookworm-slim; a no-op when the tag exists)
info "base image"
if "$make_base"; then pass "base image node:24-bookworm-slim available"; else abort "make-node-base failed"; fi

# 2. build, with the OCI labels' version, commit and commit date
info "building $image (this takes a few minutes with vfs storage)"
version=$(node -p "require('$repo_root/package.json').version")
revision=$(git -C "$repo_root" rev-parse HEAD 2>/dev/null || echo unknown)
created=$(git -C "$repo_root" log -1 --format=%cI 2>/dev/null || echo unknown)
t0=$(date +%s)
# The labels are also given to the build itself: buildah reuses a cached LABEL step whose ARG values
# changed, so an image rebuilt from cache would otherwise carry an older commit's revision and date.
if "$podman" build -t "$image" --build-arg VERSION="$version" --build-arg REVISION="$revision" \
     --build-arg CREATED="$created" --label org.opencontainers.image.version="$version" \
     --label org.opencontainers.image.revision="$revision" --label org.opencontainers.image.created="$created" \
     "$repo_root"; then
  pass "image $image built in $(( $(date +%s) - t0 )) s"
else
  abort "podman build of $image failed"
fi
size=$("$podman" image inspect "$image" --format '{{.Size}}' 2>/dev/null || echo '?')
info "image size: $size bytes"
labels=$("$podman" image inspect "$image" --format '{{json .Labels}}' 2>/dev/null || echo '{}')
if out=$(node -e '
const labels = JSON.parse(process.argv[1]) ?? {}
const want = { title: "discipline-rules", version: process.argv[2], revision: process.argv[3], created: process.argv[4] }
const bad = Object.entries(want).filter(([k, v]) => labels[`org.opencontainers.image.${k}`] !== v)
for (const k of ["description", "licenses", "base.name"]) if (!labels[`org.opencontainers.image.${k}`]) bad.push([k, "(set)"])
if (bad.length > 0) { console.log(bad.map(([k, v]) => `${k}: want ${v}, got ${labels[`org.opencontainers.image.${k}`]}`).join("; ")); process.exit(1) }
console.log(`version ${want.version}, revision ${want.revision.slice(0, 12)}, created ${want.created}, base ${labels["org.opencontainers.image.base.name"]}`)
' "$labels" "$version" "$revision" "$created" 2>&1); then
  pass "OCI labels: $out"
else
  fail "OCI labels: $out"
fi

# 3. run with API keys and the rules from a host copy, mounted read-only (host network: the port must be free)
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  abort "port $port is already in use on this host (set CHECK_PORT)"
fi
cp -R "$repo_root/rules" "$rules_copy"
chmod -R a+rX "$work"   # the service runs as uid 1000 and only reads
# The decision records: the embedded store on a writable volume (the root filesystem stays read-only).
mkdir -p "$work/data" && chmod 777 "$work/data"
decisions_key=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))")
info "starting $name on port $port (read-only root filesystem, no tmpfs, RULES_DIR=/rules mounted read-only from $rules_copy)"
if "$podman" run -d --name "$name" --read-only --read-only-tmpfs=false \
     -v "$rules_copy":/rules:ro -e RULES_DIR=/rules \
     -e API_KEYS="ci:evaluate+admin:$api_key" \
     -e RATE_LIMIT_MAX=1000000 \
     -v "$work/data":/data -e DATA_DIR=/data -e DECISIONS_KEY="$decisions_key" \
     -e PORT="$port" -e LOG_LEVEL=info "$image" >/dev/null; then
  container_created=true
  pass "container started (API_KEYS set, rules mounted read-only at /rules)"
else
  abort "podman run failed"
fi

# 4. readiness (bounded)
deadline=$(( $(date +%s) + ready_timeout ))
ready=false
while [ "$(date +%s)" -lt "$deadline" ]; do
  if node -e "fetch('$base_url/readyz',{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"; then
    ready=true; break
  fi
  state=$("$podman" inspect "$name" --format '{{.State.Status}}' 2>/dev/null || echo unknown)
  if [ "$state" = exited ] || [ "$state" = stopped ]; then
    abort "container exited before becoming ready (exit code $("$podman" inspect "$name" --format '{{.State.ExitCode}}'))"
  fi
  sleep 1
done
if $ready; then pass "GET /readyz returned 200 within ${ready_timeout} s"; else abort "GET /readyz not 200 within ${ready_timeout} s"; fi
rev0=$(revision)
info "rules revision at start: ${rev0:-?}"

# 5. the image's HEALTHCHECK
if out=$("$podman" healthcheck run "$name" 2>&1); then
  pass "healthcheck run reports healthy${out:+ ($out)}"
else
  fail "healthcheck run failed: $out"
fi

# 6. runs as the non-root node user (uid 1000)
uid=$("$podman" exec "$name" node -e 'process.stdout.write(String(process.getuid()))' 2>&1 || true)
if [ "$uid" = 1000 ]; then pass "service runs as uid 1000 (node)"; else fail "service uid is '$uid', expected 1000"; fi

# 7. an evaluation without a key is refused: 401, application/problem+json, WWW-Authenticate
if out=$(node - "$fixture" "$base_url/v1/evaluations" 2>&1 <<'NODE'
const { readFileSync } = require('node:fs')
const [fixturePath, url] = process.argv.slice(2)
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'))
;(async () => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fixture.request),
    signal: AbortSignal.timeout(10000)
  })
  const text = await res.text()
  const ct = res.headers.get('content-type') ?? ''
  let body = {}
  try { body = JSON.parse(text) } catch {}
  const wanted = 'urn:discipline-rules:problem:unauthorized'
  if (res.status !== 401 || !ct.startsWith('application/problem+json') || body.type !== wanted || body.status !== 401 ||
      !/^Bearer /.test(res.headers.get('www-authenticate') ?? '')) {
    throw new Error(`expected 401 application/problem+json ${wanted} with WWW-Authenticate: Bearer, got HTTP ${res.status} (${ct}, www-authenticate ${res.headers.get('www-authenticate')}): ${text.slice(0, 300)}`)
  }
  console.log(`HTTP 401 ${ct}, type ${body.type}`)
})().catch((err) => { console.error(`unauthenticated evaluation: ${err.message}`); process.exit(1) })
NODE
); then
  pass "POST /v1/evaluations without a key refused: $out"
else
  fail "POST /v1/evaluations without a key: $out"
fi

# 8. the reference case over HTTP with the key, compared with the fixture's expect
if out=$(CHECK_KEY=$api_key node - "$fixture" "$base_url/v1/evaluations" 2>&1 <<'NODE'
const { readFileSync } = require('node:fs')
const { isDeepStrictEqual: eq } = require('node:util')
const [fixturePath, url] = process.argv.slice(2)
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'))
const expect = fixture.expect
const problems = []
const check = (what, actual, expected) => {
  if (!eq(actual, expected)) problems.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
}
;(async () => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.CHECK_KEY}` },
    body: JSON.stringify(fixture.request),
    signal: AbortSignal.timeout(10000)
  })
  const text = await res.text()
  if (res.status !== 200) throw new Error(`POST returned HTTP ${res.status}: ${text.slice(0, 500)}`)
  const body = JSON.parse(text)
  const triggered = body.triggered ?? []
  check('triggered ruleIds', triggered.map((t) => t.ruleId), expect.triggered.map((t) => t.ruleId))
  expect.triggered.forEach((e, i) => {
    const t = triggered[i]
    if (t === undefined) return
    const p = `triggered[${i}] (${e.ruleId})`
    check(`${p}.appliedVersion.version`, t.appliedVersion?.version, e.version)
    check(`${p}.circumstance.tier`, t.circumstance?.tier, e.circumstance.tier)
    check(`${p}.circumstance.source`, t.circumstance?.source, e.circumstance.source)
    check(`${p}.sanctionRange`, t.sanctionRange, e.sanctionRange)
    check(`${p}.citations[*].label`, (t.citations ?? []).map((c) => c.label), e.citations)
  })
  const c = body.classification ?? {}
  check('classification.status', c.status, expect.classification.status)
  check('classification.sanctionRange', c.sanctionRange, expect.classification.sanctionRange)
  check('classification.recommended', c.recommended, expect.classification.recommended)
  if (problems.length > 0) {
    console.error(`reference case mismatch (${problems.length}):\n  - ${problems.join('\n  - ')}`)
    process.exit(1)
  }
  console.log(`${triggered.length} triggered rule(s), classification ${c.status} / recommended ${c.recommended}`)
})().catch((err) => { console.error(`reference case: ${err.message}`); process.exit(1) })
NODE
); then
  pass "POST /v1/evaluations with the key: reference case matches fixture expect: $out"
else
  fail "POST /v1/evaluations with the key, reference case: $out"
fi

# 9. SIGHUP with a good change (a rule title) in the mounted copy: /readyz reports a new revision
info "SIGHUP reload: a changed rule title"
edit_rules "set.rules[0].title.en += ' (revised by the container check)'"
t0=$(now_ms)
rev1=
if "$podman" kill --signal HUP "$name" >/dev/null; then
  deadline=$(( $(date +%s) + reload_timeout ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    r=$(revision)
    if [ -n "$r" ] && [ "$r" != "$rev0" ]; then rev1=$r; break; fi
    sleep 0.2
  done
  if [ -n "$rev1" ]; then
    pass "SIGHUP reloaded the changed rules in $(secs $(( $(now_ms) - t0 ))) s: /readyz revision ${rev0:0:19}… -> ${rev1:0:19}…"
  else
    fail "SIGHUP: /readyz revision still '${rev0}' (or no answer) after ${reload_timeout} s"
  fi
else
  fail "podman kill --signal HUP failed"
fi
good_rev=${rev1:-$rev0}

# 10. SIGHUP with a broken rule set (a clause not in the catalog): rejected, the previous revision keeps serving
info "SIGHUP reload: a broken rule set"
rejected_before=$(log_count 'rules reload rejected; the previous rules keep serving')
edit_rules "set.rules[0].clause = 'ccp.no-such-clause'"
t0=$(now_ms)
if "$podman" kill --signal HUP "$name" >/dev/null; then
  deadline=$(( $(date +%s) + reload_timeout ))
  rejected=false
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ "$(log_count 'rules reload rejected; the previous rules keep serving')" -gt "$rejected_before" ]; then rejected=true; break; fi
    sleep 0.2
  done
  r=$(revision)
  if $rejected && [ "$r" = "$good_rev" ]; then
    pass "SIGHUP with a broken rule set rejected in $(secs $(( $(now_ms) - t0 ))) s (\"rules reload rejected\" logged); /readyz still reports ${good_rev:0:19}…"
  elif $rejected; then
    fail "SIGHUP with a broken rule set: rejection logged, but /readyz reports '${r}' instead of '${good_rev}'"
  else
    fail "SIGHUP with a broken rule set: no \"rules reload rejected\" log line within ${reload_timeout} s (/readyz: '${r}')"
  fi
else
  fail "podman kill --signal HUP failed"
fi

# 11. POST /admin/reload with the key on the same broken rules: 422 rules-rejected, nothing changes
if out=$(CHECK_KEY=$api_key node - "$base_url" "$good_rev" 2>&1 <<'NODE'
const [base, goodRev] = process.argv.slice(2)
;(async () => {
  const res = await fetch(`${base}/admin/reload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.CHECK_KEY}` },
    signal: AbortSignal.timeout(10000)
  })
  const text = await res.text()
  const ct = res.headers.get('content-type') ?? ''
  let body = {}
  try { body = JSON.parse(text) } catch {}
  const wanted = 'urn:discipline-rules:problem:rules-rejected'
  if (res.status !== 422 || !ct.startsWith('application/problem+json') || body.type !== wanted) {
    throw new Error(`expected 422 application/problem+json ${wanted}, got HTTP ${res.status} (${ct}): ${text.slice(0, 300)}`)
  }
  const clause = (body.errors ?? []).find((e) => /no-such-clause/.test(e.detail ?? ''))
  if (clause === undefined) throw new Error(`422 without the broken clause among its errors: ${text.slice(0, 300)}`)
  const ready = await (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) })).json()
  if (ready.rulesRevision !== goodRev) throw new Error(`/readyz reports ${ready.rulesRevision} after the rejected reload, expected ${goodRev}`)
  console.log(`HTTP 422 ${body.type}, ${body.errors.length} error(s) incl. ${clause.pointer}; /readyz unchanged`)
})().catch((err) => { console.error(err.message); process.exit(1) })
NODE
); then
  pass "POST /admin/reload with the broken rule set: $out"
else
  fail "POST /admin/reload with the broken rule set: $out"
fi

# 12. stop with requests in flight. A load generator (host side) sends, with the key and each with its
# own x-request-id, batch requests of 100 × the reference case:
#  - 4 workers back to back until the server refuses one (as a busy client would);
#  - 2 "slow" requests that send their headers and the first 1 KiB of the body, then hold the rest until
#    the service has begun shutting down (/readyz refused or 503), so that they are certainly in flight
#    when SIGTERM is handled.
# Once the log shows the slow ones taken in, `stop` sends SIGTERM. Every request the server took in
# (logged "incoming request") must get its complete 200; the others may only be refused (503 or a
# connection error); the slow ones must be taken in before the shutdown line and complete after it.
info "stop with batch requests in flight"
CHECK_KEY=$api_key node - "$base_url" "$fixture" "$work/loader.json" >"$work/loader.out" 2>&1 <<'NODE' &
const http = require('node:http')
const { readFileSync, writeFileSync } = require('node:fs')
const [base, fixturePath, outPath] = process.argv.slice(2)
const reference = JSON.parse(readFileSync(fixturePath, 'utf8')).request
const body = Buffer.from(JSON.stringify({ cases: Array.from({ length: 100 }, () => reference) }))
const auth = `Bearer ${process.env.CHECK_KEY}`
const WORKERS = 4
const SLOW = 2
const MAX_REQUESTS = 400          // well inside the 600/min rate limit per client
const until = Date.now() + 30000  // bounded even if the stop never comes
const results = []
let sent = 0
let closingSeen = null
const save = () => writeFileSync(outPath, JSON.stringify({ sent, closingSeen, results }))
setTimeout(() => { save(); process.exit(2) }, 45000).unref()
const completeBatch = (r, text) => {
  const b = JSON.parse(text)
  r.complete = Array.isArray(b.results) && b.results.length === 100 && b.results.every((x) => x.status === 200)
  r.revision = b.rulesRevision
}

// Shutdown has begun once a fresh connection to /readyz is refused (listener closed) or answered 503.
const closing = new Promise((resolve) => {
  const poll = () => {
    if (Date.now() > until) { closingSeen = 'not seen within 30 s'; return resolve() }
    const q = http.get(`${base}/readyz`, { agent: false, timeout: 2000 }, (res) => {
      res.resume()
      if (res.statusCode === 503) { closingSeen = 'readyz 503'; resolve() } else setTimeout(poll, 50)
    })
    q.on('timeout', () => q.destroy(new Error('timeout')))
    q.on('error', (err) => {
      if (err.code === 'ECONNREFUSED') { closingSeen = 'readyz connection refused'; resolve() } else setTimeout(poll, 50)
    })
  }
  poll()
})

function slow (i) {
  return new Promise((resolve) => {
    sent++
    const r = { id: `container-check-slow-${i}`, slow: true, start: Date.now() }
    results.push(r)
    const done = () => { if (r.end === undefined) { r.end = Date.now(); resolve() } }
    const req = http.request(`${base}/v1/evaluations/batch`, {
      method: 'POST',
      agent: false,
      timeout: 20000,
      headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: auth, 'x-request-id': r.id, connection: 'close' }
    })
    req.on('response', (res) => {
      r.status = res.statusCode
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        if (r.status === 200) { try { completeBatch(r, Buffer.concat(chunks).toString('utf8')) } catch (err) { r.error = `bad body: ${err.message}` } }
        done()
      })
      res.on('error', (err) => { r.error = err.code ?? err.message; done() })
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TimeoutError' })))
    req.on('error', (err) => { r.error = err.code ?? err.message; done() })
    req.write(body.subarray(0, 1024))
    closing.then(() => { r.resumedAt = Date.now(); req.end(body.subarray(1024)) })
  })
}

async function worker (w) {
  for (let n = 0; sent < MAX_REQUESTS && Date.now() < until; n++) {
    sent++
    const r = { id: `container-check-w${w}-${n}`, start: Date.now() }
    results.push(r)
    try {
      const res = await fetch(`${base}/v1/evaluations/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth, 'x-request-id': r.id },
        body,
        signal: AbortSignal.timeout(20000)
      })
      r.status = res.status
      const text = await res.text()
      if (res.status === 200) completeBatch(r, text)
    } catch (err) {
      r.error = err.name === 'TimeoutError' ? 'TimeoutError' : (err.cause?.code ?? err.cause?.message ?? err.message)
    }
    r.end = Date.now()
    if (r.status !== 200 || r.error !== undefined) return
  }
}
Promise.all([
  ...Array.from({ length: SLOW }, (_, i) => slow(i)),
  ...Array.from({ length: WORKERS }, (_, w) => worker(w))
]).then(() => { save(); process.exit(0) })
NODE
loader_pid=$!
# Wait (bounded) until the server has taken in both slow requests, hence some batch request.
deadline=$(( $(date +%s) + 10 ))
taken_in=false
while [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$loader_pid" 2>/dev/null; do
  if [ "$("$podman" logs "$name" 2>&1 | grep -F '"msg":"incoming request"' | grep -F '"url":"/v1/evaluations/batch"' | grep -cF '"reqId":"container-check-slow-' || true)" -ge 2 ]; then
    taken_in=true; break
  fi
  sleep 0.1
done
if $taken_in; then
  info "batch requests have reached the server; stopping $name (stop -t $stop_limit)"
else
  fail "the slow batch requests did not reach the server within 10 s (load generator: $(head -c 500 "$work/loader.out" 2>/dev/null))"
  info "stopping $name (stop -t $stop_limit)"
fi
t0=$(now_ms)
"$podman" stop -t "$stop_limit" "$name" >/dev/null
elapsed_ms=$(( $(now_ms) - t0 ))
if [ "$elapsed_ms" -lt $((stop_limit * 1000)) ]; then
  pass "stop took $(secs "$elapsed_ms") s (< ${stop_limit} s)"
else
  fail "stop took $(secs "$elapsed_ms") s (>= ${stop_limit} s: SIGTERM not handled, container was killed)"
fi
exit_code=$("$podman" inspect "$name" --format '{{.State.ExitCode}}')
if [ "$exit_code" = 0 ]; then pass "container exit code 0 after stop"; else fail "container exit code $exit_code after stop (expected 0)"; fi
"$podman" logs "$name" >"$work/container.log" 2>&1 || true
if grep -q '"signal":"SIGTERM"' "$work/container.log"; then
  pass "service logged its SIGTERM shutdown"
else
  fail "no SIGTERM shutdown line in the container logs"
fi

# The load generator ends by itself once refused (its own bound: 30 s of requests, 45 s in all).
deadline=$(( $(date +%s) + 50 ))
while kill -0 "$loader_pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
loader_rc=0
if kill -0 "$loader_pid" 2>/dev/null; then
  kill "$loader_pid" 2>/dev/null || true
  wait "$loader_pid" 2>/dev/null || true
  loader_rc=timeout
else
  wait "$loader_pid" 2>/dev/null || loader_rc=$?
fi
loader_pid=
if [ "$loader_rc" != 0 ] || [ ! -s "$work/loader.json" ]; then
  fail "load generator did not finish cleanly (exit $loader_rc): $(head -c 500 "$work/loader.out" 2>/dev/null)"
else
  # Match what the server logged (its request ids) against what each client got.
  while IFS=$'\t' read -r verdict message; do
    if [ "$verdict" = PASS ]; then pass "$message"; else fail "$message"; fi
  done < <(node - "$work/loader.json" "$work/container.log" "$good_rev" 2>&1 <<'NODE' || echo "FAIL	request analysis failed"
const { readFileSync } = require('node:fs')
const [resultsPath, logPath, goodRev] = process.argv.slice(2)
const { sent, closingSeen, results } = JSON.parse(readFileSync(resultsPath, 'utf8'))
// The captured log can split a long line or join two: pino never writes a raw newline inside a record,
// so drop every newline and cut the text at each record's start.
const lines = readFileSync(logPath, 'utf8').replace(/\n/g, '').split(/(?=\{"level":)/).map((l) => { try { return JSON.parse(l) } catch { return null } })
const out = (ok, msg) => console.log(`${ok ? 'PASS' : 'FAIL'}\t${msg}`)
const shutdownAt = lines.findIndex((l) => l?.signal === 'SIGTERM')
const incoming = new Map()
const completed = new Map()
lines.forEach((l, i) => {
  if (l?.msg === 'incoming request' && l.req?.url === '/v1/evaluations/batch') incoming.set(l.reqId, i)
  if (l?.msg === 'request completed' && incoming.has(l.reqId)) completed.set(l.reqId, i)
})
const byId = new Map(results.map((r) => [r.id, r]))
const answered = (r) => r !== undefined && r.status === 200 && r.complete === true && r.error === undefined && r.revision === goodRev
const describe = (r) => r === undefined ? 'no client record' : `${r.id}: ${r.status ?? ''} ${r.error ?? ''}${r.status === 200 ? ` complete=${r.complete} revision=${r.revision}` : ''}`
// Taken in: logged as incoming before the shutdown line. Those that arrive after it, while the service
// drains, get 503 with Connection: close by design (src/plugins/draining.ts), never a half answer.
const taken = [...incoming.keys()].filter((id) => shutdownAt < 0 || incoming.get(id) < shutdownAt)
const draining = [...incoming.keys()].filter((id) => shutdownAt >= 0 && incoming.get(id) > shutdownAt)
const badDraining = draining.filter((id) => byId.get(id)?.status !== 503)
out(badDraining.length === 0, `batch requests that arrived while draining got 503 (${draining.length})` +
  (badDraining.length > 0 ? `; not 503: ${badDraining.slice(0, 5).map((id) => describe(byId.get(id))).join('; ')}` : ''))
const badTaken = taken.filter((id) => !answered(byId.get(id)))
out(taken.length >= 1 && badTaken.length === 0,
  `every batch request the server took in got its complete 200 on revision ${goodRev.slice(0, 19)}… (${taken.length} taken in, of ${sent} sent)` +
  (badTaken.length > 0 ? `; not answered: ${badTaken.slice(0, 5).map((id) => describe(byId.get(id))).join('; ')}` : ''))
const inFlight = taken.filter((id) => incoming.get(id) < shutdownAt && (completed.get(id) ?? Infinity) > shutdownAt)
const slow = results.filter((r) => r.slow)
const slowOk = slow.filter((r) => inFlight.includes(r.id) && answered(r))
out(shutdownAt >= 0 && slow.length > 0 && slowOk.length === slow.length && inFlight.every((id) => answered(byId.get(id))),
  `${inFlight.length} batch request(s) in flight when SIGTERM was handled (taken in before the shutdown line, completed after it; ` +
  `${slowOk.length}/${slow.length} slow uploads, body resumed on ${closingSeen}) all finished with 200` +
  (shutdownAt < 0 ? ' [no shutdown line found]' : '') +
  (slowOk.length < slow.length ? `; slow: ${slow.map((r) => `${describe(r)} in-flight=${inFlight.includes(r.id)}`).join('; ')}` : ''))
const refused = results.filter((r) => !incoming.has(r.id))
// A complete, correct answer is never a shutdown failure, even if its log record was not found.
const okRefusal = (r) => answered(r) || r.status === 503 || (r.status === undefined && r.error !== undefined && !/timeout/i.test(r.error))
const badRefused = refused.filter((r) => !okRefusal(r))
const tally = {}
for (const r of refused) { const k = r.status ?? r.error; tally[k] = (tally[k] ?? 0) + 1 }
out(badRefused.length === 0,
  `requests not taken in were refused cleanly: ${refused.length} (${Object.entries(tally).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'})` +
  (badRefused.length > 0 ? `; unexpected: ${badRefused.slice(0, 5).map(describe).join('; ')}` : ''))
NODE
  )
fi

# 13. the key never reaches the log
if grep -qF -- "$api_key" "$work/container.log"; then fail "the API key appears in the container log"; else pass "the API key never appears in the container log"; fi

if [ "$failed" -ne 0 ]; then show_logs; fi
