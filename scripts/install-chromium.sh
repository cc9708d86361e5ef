#!/usr/bin/env bash
# Debian's Chromium for marsad's browser tests (tests/test_web_browser.py). Playwright drives it
# through executable_path; `playwright install` (a download from outside the package mirrors)
# is never used.
#
#   scripts/install-chromium.sh        install if missing (root + apt-get), print the path last
# Exit codes: 0 ok (path printed), 3 missing and cannot be installed.
set -euo pipefail
BIN=${MARSAD_CHROMIUM:-/usr/bin/chromium}
LOG=${TMPDIR:-/tmp}/marsad-chromium-apt.log
say() { echo "install-chromium: $*" >&2; }

if [[ -x $BIN ]]; then
    echo "$BIN"
    exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
    say "$BIN not found and not root; run 'sudo apt-get install chromium' or set MARSAD_CHROMIUM"
    exit 3
fi
command -v apt-get >/dev/null || { say "$BIN not found and apt-get is not available"; exit 3; }
exec 9>>"${TMPDIR:-/tmp}/marsad-chromium.lock"
flock -w 600 9 || { say "timed out waiting for another install"; exit 3; }
if [[ ! -x $BIN ]]; then
    export DEBIAN_FRONTEND=noninteractive
    say "installing the Debian package chromium (log: $LOG)"
    if ! apt-get install -y -q --no-install-recommends chromium >"$LOG" 2>&1; then
        { apt-get update -q && apt-get install -y -q --no-install-recommends chromium; } >>"$LOG" 2>&1 || {
            tail -n 20 "$LOG" >&2
            say "apt-get install chromium failed (log: $LOG)"
            exit 3
        }
    fi
fi
[[ -x $BIN ]] || { say "chromium installed but $BIN is missing"; exit 3; }
echo "$BIN"
