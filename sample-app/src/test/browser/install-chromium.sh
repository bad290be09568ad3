#!/usr/bin/env bash
# Makes sure the browser tests find what they need: Debian's Chromium, its driver, and a Japanese font
# for the Japanese screenshots. Run by the build before the sample app's tests (skipped with -DskipTests).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list :lang=ja | grep -q .; }; then
  missing+=(fonts-ipafont-gothic)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need: ${missing[*]} (Debian packages). Install them, e.g." >&2
  echo "  sudo apt-get install -y chromium chromium-driver fonts-ipafont-gothic" >&2
  echo "or skip the tests with -DskipTests." >&2
  exit 1
fi

echo "Installing ${missing[*]} for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" fontconfig >/dev/null
