#!/usr/bin/env bash
# Set-up step of `npm test` and .ci/run: installs the Debian packages the suite needs
# (chromium for the end-to-end tests, haproxy and redis-server for the reality check) when
# one is missing and this user can install them (root, or passwordless sudo, with apt-get).
# Otherwise it prints the one command to run and carries on: the end-to-end tests then fail
# for want of a browser, and the reality check reports itself as skipped, loudly.
# Always exits 0; it never stops the suite by itself.
set -uo pipefail

# The browser Playwright uses: Debian's by default, PLAYWRIGHT_CHROMIUM_PATH overrides it
# (empty: Playwright's own build, which this script does not manage).
chromium="${PLAYWRIGHT_CHROMIUM_PATH-/usr/bin/chromium}"

need=()
if [[ -n "$chromium" && ! -x "$chromium" ]]; then need+=(chromium); fi
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)

if ((${#need[@]} == 0)); then
  echo "setup: chromium, haproxy and redis-server are installed"
  exit 0
fi

install="apt-get install -y ${need[*]}"
echo "setup: missing ${need[*]}"

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: no apt-get here; install ${need[*]} with your package manager"
  echo "setup:   (on Debian or Ubuntu: sudo apt-get update && sudo $install)"
  echo "setup: carrying on without them"
  exit 0
fi

as_root=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    echo "setup: not root and no passwordless sudo; run this once, then test again:"
    echo "  sudo apt-get update && sudo $install"
    echo "setup: carrying on without them"
    exit 0
  fi
fi

echo "setup: installing ${need[*]} (Debian packages)"
if "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; then
  echo "setup: installed ${need[*]}"
else
  echo "setup: installing failed; run this, then test again:"
  echo "  sudo apt-get update && sudo $install"
  echo "setup: carrying on without them"
fi
exit 0
