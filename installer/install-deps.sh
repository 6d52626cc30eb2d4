#!/usr/bin/env bash
# Installs the Debian 12 packages Marquee needs to build, run and test.
# Idempotent: packages already installed are skipped, and apt is not touched at all
# when nothing is missing. Works as root or through sudo.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang curl
  libclang-rt-14-dev   # libFuzzer + sanitizer runtimes for clang (tests/fuzz)
  # Qt 6 (client)
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev libqt6sql6-sqlite
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qt6-charts-dev libqt6opengl6-dev
  qt6-translations-l10n libgl-dev fonts-dejavu-core
  # server
  libboost-dev libpqxx-dev postgresql postgresql-contrib libssl-dev
  prometheus-cpp-dev libspdlog-dev libfmt-dev nlohmann-json3-dev
  libcurl4-openssl-dev   # payment providers' HTTP client (and the mailer's SMTP)
  libgmime-3.0-dev   # MIME composition of outgoing mail (server/src/mail)
  libjemalloc-dev   # the server's allocator (server/CMakeLists.txt)
  libboost-locale1.74-dev libicu-dev gettext   # mails in the recipient's language (gettext catalogs, ICU formats; msgfmt at build)
  # shared
  protobuf-compiler libprotobuf-dev libsodium-dev libsqlite3-dev
  libical-dev libqrencode-dev libhowardhinnant-date-dev libeigen3-dev
  libcairo2-dev libpango1.0-dev   # server: ticket PDFs (cairo PDF surface, pango text)
  # tests
  python3 python3-aiosmtpd librapidcheck-dev libbenchmark-dev
  libxapian-dev   # bench_search's baseline search engine
  openssl   # the HTTPS fetch test makes its CA and certificate at run time
  libzbar-dev   # ticket tests decode the rendered QR codes
  poppler-utils   # kiosk tests read printed PDFs back (pdftoppm, pdftotext)
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
