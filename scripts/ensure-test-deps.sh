#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing, so `npm test` works on a fresh
# machine as it does in CI: Chromium (end-to-end tests), GNOME Keyring and D-Bus (a real Secret
# Service for the keychain tests), PostgreSQL's server binaries (team-mode tests). Does nothing
# when all are present.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v gnome-keyring-daemon >/dev/null 2>&1 || need+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || need+=(dbus)
command -v dbus-send >/dev/null 2>&1 || need+=(dbus-bin)
# The team-mode tests start a throw-away PostgreSQL server of their own (tests/team/helpers).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
[ "${#need[@]}" -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need: ${need[*]}. Install them with your package manager, then run npm test again." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "The tests need: ${need[*]}. Run as root or install sudo (apt-get install ${need[*]})." >&2
    exit 1
  fi
  SUDO="sudo"
fi
echo "Installing from Debian for the tests: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
