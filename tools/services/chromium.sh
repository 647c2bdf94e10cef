#!/usr/bin/env bash
# Installs Debian's Chromium (plus the fonts it needs to render text sanely)
# for the Playwright browser tests in tests/browser/. Playwright's own browser
# download does not work on the project's machines, so the tests drive the
# system Chromium at $CHROMIUM_PATH (default /usr/bin/chromium).
#
#   tools/services/chromium.sh
#
# Idempotent: when /usr/bin/chromium exists nothing is installed (and no
# `apt-get update` runs); the installed version is printed either way.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-dejavu-core fonts-liberation)

log() { echo "chromium: $*" >&2; }

if [[ ! -x "$CHROMIUM" ]]; then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { log "not root and no sudo: cannot install ${PACKAGES[*]}"; exit 1; }
    SUDO=(sudo)
  fi
  log "installing ${PACKAGES[*]} from Debian"
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${PACKAGES[@]}"
fi

[[ -x "$CHROMIUM" ]] || { log "$CHROMIUM still missing after install"; exit 1; }
"$CHROMIUM" --version
