#!/usr/bin/env bash
# Installs the "real VS Code" test host: Debian's chromium + ripgrep and code-server 4.100.3
# (VS Code 1.100.3's server build; the newest release that runs on Node 20), built in its own
# folder under the git-ignored .vscode-test/. Recipe and reasons: shared/facts/real-vscode.md.
# Idempotent: a marker file makes a second run a fast no-op. Non-interactive (CI=true, no stdin).
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST="$ROOT/.vscode-test/code-server"
MARKER="$HOST/.installed-$VERSION"
APT_PKGS=(chromium ripgrep libkrb5-dev g++ make python3 pkg-config fonts-dejavu-core)

# 1. Debian packages (chromium for the workbench page, rg for search, krb5 headers + g++ for native modules).
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-test-host: apt packages missing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi

if [ -f "$MARKER" ]; then
  echo "install-test-host: code-server $VERSION already installed in $HOST"
  exit 0
fi

# 2. code-server, built in a scratch folder and moved into place only when complete,
#    so an interrupted run never leaves a half-built host that looks installed.
start=$(date +%s)
TMP="$ROOT/.vscode-test/code-server.tmp.$$"
trap 'rm -rf "$TMP"' EXIT
rm -rf "$TMP"; mkdir -p "$TMP"
cd "$TMP"
# Own package.json, or npm would walk up and install into the project's node_modules.
echo '{"name":"vscode-test-host","private":true}' > package.json
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
echo "install-test-host: npm install code-server@$VERSION (ignore-scripts: its postinstall downloads from GitHub)"
npm install --no-save --ignore-scripts --loglevel=error "code-server@$VERSION" </dev/null
npm rebuild argon2 --loglevel=error </dev/null

VS="$TMP/node_modules/code-server/lib/vscode"
cd "$VS"
echo "install-test-host: installing VS Code's server dependencies"
npm install --omit=dev --ignore-scripts --loglevel=error </dev/null
# @vscode/ripgrep's postinstall would download rg from GitHub: use Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
echo "install-test-host: building native modules (g++)"
npm rebuild --loglevel=error </dev/null
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
echo "install-test-host: installing built-in extensions' dependencies"
(cd extensions && npm install --omit=dev --loglevel=error </dev/null)

# 3. Atomically swap the finished host into place and mark it.
cd "$ROOT"
rm -rf "$HOST"
mv "$TMP" "$HOST"
trap - EXIT
date -u +%FT%TZ > "$MARKER"
echo "install-test-host: code-server $VERSION installed in $HOST ($(( $(date +%s) - start )) s)"
