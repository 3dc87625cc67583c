#!/usr/bin/env bash
# The scan step of action.yml (the repository's GitHub Action). action.yml passes its inputs as
# AMIHACKABLE_* variables; test/package/action.test.ts runs this same script with them against a local
# site. It never fails the step for findings: it records the exit code, so the SARIF upload runs first and
# the action's last step fails the job.
set -euo pipefail

: "${AMIHACKABLE_URL:?the action needs a url input}"
: "${AMIHACKABLE_PACKAGE:?the action needs a package to install}"
temp="${RUNNER_TEMP:-$(mktemp -d)}"
prefix="$temp/amihackable-cli"
sarif="${AMIHACKABLE_SARIF_FILE:-amihackable.sarif}"
json="${sarif%.sarif}.json"
recording="$temp/amihackable-recording.json"

# Its own folder, so the scanned project's package.json and lockfile are left as they were.
mkdir -p "$prefix"
echo '{ "private": true }' >"$prefix/package.json"
npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$AMIHACKABLE_PACKAGE"
bin="$prefix/node_modules/.bin/amihackable"

# Options the project's files do not hold; empty inputs leave the config file (or the default) in charge.
common=()
[[ -n "${AMIHACKABLE_FAIL_ON:-}" ]] && common+=(--fail-on "$AMIHACKABLE_FAIL_ON")
[[ -n "${AMIHACKABLE_BASELINE:-}" ]] && common+=(--baseline "$AMIHACKABLE_BASELINE")
[[ -n "${AMIHACKABLE_CONFIG:-}" ]] && common+=(--config "$AMIHACKABLE_CONFIG")
[[ -n "${AMIHACKABLE_IGNORE_FILE:-}" ]] && common+=(--ignore-file "$AMIHACKABLE_IGNORE_FILE")
extra=()
[[ -n "${AMIHACKABLE_ARGS:-}" ]] && read -r -a extra <<<"$AMIHACKABLE_ARGS"

status=0
"$bin" scan "$AMIHACKABLE_URL" --quiet --format sarif --output "$sarif" --save-artifacts "$recording" \
  "${common[@]}" "${extra[@]}" || status=$?
echo "exit-code=$status" >>"${GITHUB_OUTPUT:-/dev/null}"
if [[ -f "$sarif" ]]; then echo "sarif-file=$sarif" >>"${GITHUB_OUTPUT:-/dev/null}"; fi
# 2 is a usage error or an unreachable site: said on stderr already, nothing more to render.
[[ "$status" == 2 || ! -f "$recording" ]] && exit 0

# The other views judge the same recording again, offline: the same findings, no request sent.
"$bin" judge "$recording" --format json --output "$json" "${common[@]}" >/dev/null || true
echo "json-file=$json" >>"${GITHUB_OUTPUT:-/dev/null}"
# The job's summary page gets the pull-request view (an --output of its own: a config's output is not it).
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  summary="$temp/amihackable-summary.md"
  rm -f "$summary"
  "$bin" judge "$recording" --format markdown --output "$summary" "${common[@]}" 2>/dev/null || true
  if [[ -f "$summary" ]]; then cat "$summary" >>"$GITHUB_STEP_SUMMARY"; fi
fi
rm -f "$recording"
