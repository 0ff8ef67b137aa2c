#!/usr/bin/env bash
# The project's test command (README.md). On a machine with Go, node/npm and gcc
# it installs what the tests need (the solc npm package, geth via go install),
# checks that the generated contract artifacts and bindings are fresh, then runs
# go vet and every Go test, including those on a real geth --dev chain.
#
#   scripts/test.sh              everything
#   scripts/test.sh ./wallet/... only these packages (still installs and checks)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== solc (npm, pinned in contracts/package.json)"
if [ ! -d contracts/node_modules/solc ]; then
  (cd contracts && npm ci --no-audit --no-fund --silent)
fi

echo "== geth"
CRYNUX_GETH="$(bash scripts/install-geth.sh)"
export CRYNUX_GETH
"$CRYNUX_GETH" version | awk '/^Version/'

echo "== generated code"
bash scripts/check-generated.sh

echo "== go vet"
go vet ./...

echo "== go test"
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(./...)
go test -count=1 -timeout 20m "${pkgs[@]}"
