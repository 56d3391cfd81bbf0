#!/usr/bin/env bash
# Installs the system packages gantry's tests run against, if missing (Debian/Ubuntu):
# git (repos over file:// and git http-backend), docker-registry (a real OCI registry),
# apache2-utils (htpasswd), openssl (the token server's certificate), skopeo (bench/discover's peer),
# prometheus (a real Prometheus, with promtool, for the verification tests).
set -euo pipefail
need=()
command -v git >/dev/null || need+=(git)
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v openssl >/dev/null || need+=(openssl)
command -v skopeo >/dev/null || need+=(skopeo)
command -v prometheus >/dev/null && command -v promtool >/dev/null || need+=(prometheus)
# headless, for the dashboard test (playwright-core); test/support/browser.ts takes any of these
# (GitHub's Ubuntu runners have Google Chrome, and Ubuntu's chromium package is only a snap stub)
command -v chromium >/dev/null || command -v chromium-browser >/dev/null ||
  command -v google-chrome-stable >/dev/null || command -v google-chrome >/dev/null || need+=(chromium)
if ((${#need[@]} == 0)); then
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "installing: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
