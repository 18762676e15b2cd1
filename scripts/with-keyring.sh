#!/usr/bin/env bash
# Runs its arguments where an unlocked Secret Service (GNOME Keyring) is reachable over D-Bus,
# so keychain tests talk to a real keychain:
#   scripts/with-keyring.sh npx vitest run tests/main/keychain.test.ts
# Inside a desktop session that already has one, the command simply runs.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

has_secret_service() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || return 1
  command -v dbus-send >/dev/null 2>&1 || return 1
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q 'boolean true'
}

if has_secret_service; then
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool is not installed (apt-get install dbus gnome-keyring)" >&2
    exit 127
  fi
done

# A throwaway session bus and a throwaway keyring folder: the test keyring starts empty, never
# meets the user's own keyrings, and its password only has to match itself.
exec dbus-run-session -- bash -c '
  keyrings="$(mktemp -d)"
  trap "rm -rf \"$keyrings\"" EXIT
  printf %s creator-desk-test |
    XDG_DATA_HOME="$keyrings" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  "$@"
' with-keyring "$@"
