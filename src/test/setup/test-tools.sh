#!/usr/bin/env bash
# Installs what the tests need beyond Java 17 and Maven, and only what is missing: `mvn verify` runs this
# (exec-maven-plugin, before the tests are compiled), so a fresh clone on a Debian machine with Java, Maven
# and Node.js passes the README's test command. Idempotent; when everything is there it only checks.
#
# To add a tool, add a `require_*` line at the end: `require_debian_package NAME FILE` installs the Debian
# package NAME when FILE is missing; `require_npm_packages DIR` runs `npm ci` in DIR when its lock file changed.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
say() { echo "claimgraph test tools: $*" >&2; }
fail() { say "$*"; exit 1; }

apt_updated=""
# Runs apt-get as root: directly when this is root, else through `sudo -n` (never asking for a password).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
    else return 1
    fi
}

require_debian_package() {
    local package="$1" file="$2"
    [ -e "$file" ] && return 0
    command -v apt-get >/dev/null || fail "$file is missing and there is no apt-get to install Debian's $package; install $package by hand"
    say "installing Debian's $package (for $file)"
    if [ -z "$apt_updated" ]; then
        as_root apt-get update -q >&2 || fail "cannot run apt-get as root (not root, and sudo -n is not allowed): install $package by hand (sudo apt-get install -y $package), then run the tests again"
        apt_updated=yes
    fi
    as_root apt-get install -y -q --no-install-recommends "$package" >&2 || fail "apt-get could not install $package; install it by hand and run the tests again"
    [ -e "$file" ] || fail "Debian's $package is installed but $file is still missing"
}

require_npm_packages() {
    local dir="$root/$1"
    local stamp="$dir/node_modules/.claimgraph-installed-lock.json"
    if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then return 0; fi
    command -v npm >/dev/null || fail "npm is missing: the browser tests need Node.js and npm (Debian: apt-get install -y nodejs npm)"
    say "installing the npm packages of $1 (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) || fail "npm ci failed in $1 (the npm registry must be reachable)"
    cp "$dir/package-lock.json" "$stamp"
}

require_debian_package chromium "${CHROMIUM:-/usr/bin/chromium}"
require_npm_packages src/test/browser
# The Virtuoso tests start a throwaway Virtuoso of their own (src/test/virtuoso/virtuoso.sh start) from Debian's
# virtuoso-opensource; `install` adds the package when virtuoso-t or isql-vt is missing and stops the system-wide
# server the package may start.
bash "$root/src/test/virtuoso/virtuoso.sh" install >&2 || fail "Virtuoso is missing and could not be installed (Debian's virtuoso-opensource); install it by hand"
