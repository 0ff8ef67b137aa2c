#!/usr/bin/env bash
# Regenerates contracts/build and bindings/ and fails if that changed anything:
# the committed artifacts must be exactly what the pinned compiler and abigen produce.
set -euo pipefail
cd "$(dirname "$0")/.."
go generate ./...
if ! git diff --exit-code --stat -- contracts/build bindings; then
  echo "error: contracts/build or bindings/ are stale; run 'go generate ./...' and commit the result" >&2
  exit 1
fi
untracked=$(git ls-files --others --exclude-standard -- contracts/build bindings)
if [ -n "$untracked" ]; then
  echo "error: go generate produced files that are not committed:" >&2
  echo "$untracked" >&2
  exit 1
fi
echo "generated code is up to date"
