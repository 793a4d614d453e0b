#!/usr/bin/env bash
# Container check: builds the production image, runs it (read-only root filesystem) and verifies it
# end to end — readiness, the image HEALTHCHECK, the non-root user, the reference case
# (rules/cases/reference-dong.json) evaluated over HTTP, and a prompt clean shutdown on `stop`
# (exit code 0, well inside the 10 s grace period).
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
ready_timeout=60
stop_limit=10

passed=0
failed=0
started=$(date +%s)
container_created=false

pass () { passed=$((passed + 1)); echo "PASS: $*"; }
fail () { failed=$((failed + 1)); echo "FAIL: $*"; }
info () { echo "---- $*"; }
now_ms () { date +%s%3N; }

show_logs () {
  if $container_created; then
    echo "---- container logs (last 40 lines):"
    "$podman" logs --tail 40 "$name" 2>&1 | sed 's/^/     | /' || true
  fi
}

finish () {
  local rc=$?
  trap - EXIT
  if $container_created; then
    "$podman" stop -t 2 "$name" >/dev/null 2>&1 || true
    "$podman" rm -f "$name" >/dev/null 2>&1 || true
  fi
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

[ -x "$podman" ] || { echo "container-check: $podman not found (set SHARED_DIR)" >&2; exit 1; }
[ -f "$fixture" ] || { echo "container-check: fixture $fixture not found" >&2; exit 1; }

# 1. base image (a stand-in for node:24-bookworm-slim; a no-op when the tag exists)
info "base image"
if "$make_base"; then pass "base image node:24-bookworm-slim available"; else abort "make-node-base failed"; fi

# 2. build
info "building $image (this takes a few minutes with vfs storage)"
t0=$(date +%s)
if "$podman" build -t "$image" "$repo_root"; then
  pass "image $image built in $(( $(date +%s) - t0 )) s"
else
  abort "podman build of $image failed"
fi
size=$("$podman" image inspect "$image" --format '{{.Size}}' 2>/dev/null || echo '?')
info "image size: $size bytes"

# 3. run (host network: the port must be free)
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  abort "port $port is already in use on this host (set CHECK_PORT)"
fi
info "starting $name on port $port (read-only root filesystem, no tmpfs)"
if "$podman" run -d --name "$name" --read-only --read-only-tmpfs=false \
     -e PORT="$port" -e LOG_LEVEL=info "$image" >/dev/null; then
  container_created=true
  pass "container started"
else
  abort "podman run failed"
fi

# 4. readiness (bounded)
deadline=$(( $(date +%s) + ready_timeout ))
ready=false
while [ "$(date +%s)" -lt "$deadline" ]; do
  if node -e "fetch('http://127.0.0.1:$port/readyz',{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"; then
    ready=true; break
  fi
  state=$("$podman" inspect "$name" --format '{{.State.Status}}' 2>/dev/null || echo unknown)
  if [ "$state" = exited ] || [ "$state" = stopped ]; then
    abort "container exited before becoming ready (exit code $("$podman" inspect "$name" --format '{{.State.ExitCode}}'))"
  fi
  sleep 1
done
if $ready; then pass "GET /readyz returned 200 within ${ready_timeout} s"; else abort "GET /readyz not 200 within ${ready_timeout} s"; fi

# 5. the image's HEALTHCHECK
if out=$("$podman" healthcheck run "$name" 2>&1); then
  pass "healthcheck run reports healthy${out:+ ($out)}"
else
  fail "healthcheck run failed: $out"
fi

# 6. runs as the non-root node user (uid 1000)
uid=$("$podman" exec "$name" node -e 'process.stdout.write(String(process.getuid()))' 2>&1 || true)
if [ "$uid" = 1000 ]; then pass "service runs as uid 1000 (node)"; else fail "service uid is '$uid', expected 1000"; fi

# 7. the reference case over HTTP, compared with the fixture's expect
if out=$(node - "$fixture" "http://127.0.0.1:$port/v1/evaluations" 2>&1 <<'NODE'
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
    headers: { 'content-type': 'application/json' },
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
  pass "POST /v1/evaluations reference case matches fixture expect: $out"
else
  fail "POST /v1/evaluations reference case: $out"
fi

# 8. stop: SIGTERM to PID-1 node must end it with exit 0 well inside the 10 s grace period
info "stopping $name (stop -t $stop_limit)"
t0=$(now_ms)
"$podman" stop -t "$stop_limit" "$name" >/dev/null
t1=$(now_ms)
elapsed_ms=$((t1 - t0))
elapsed=$(printf '%d.%03d' $((elapsed_ms / 1000)) $((elapsed_ms % 1000)))
if [ "$elapsed_ms" -lt $((stop_limit * 1000)) ]; then
  pass "stop took ${elapsed} s (< ${stop_limit} s)"
else
  fail "stop took ${elapsed} s (>= ${stop_limit} s: SIGTERM not handled, container was killed)"
fi
exit_code=$("$podman" inspect "$name" --format '{{.State.ExitCode}}')
if [ "$exit_code" = 0 ]; then pass "container exit code 0 after stop"; else fail "container exit code $exit_code after stop (expected 0)"; fi
if "$podman" logs "$name" 2>&1 | grep -q '"signal":"SIGTERM"'; then
  pass "service logged its SIGTERM shutdown"
else
  fail "no SIGTERM shutdown line in the container logs"
fi

if [ "$failed" -ne 0 ]; then show_logs; fi
