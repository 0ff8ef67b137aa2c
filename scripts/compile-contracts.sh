#!/usr/bin/env bash
# Compiles contracts/src into contracts/build with the pinned solc.
# Installs the npm packages of contracts/package.json on first use.
set -euo pipefail
cd "$(dirname "$0")/../contracts"
if [ ! -d node_modules/solc ]; then
  npm install --no-audit --no-fund --silent >&2
fi
# One compile at a time: compile.js rewrites build/ as a whole.
exec flock .compile.lock node compile.js
