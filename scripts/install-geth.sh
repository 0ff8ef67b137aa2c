#!/usr/bin/env bash
# Installs geth v1.17.10 with `go install` unless that exact version is already built.
# Prints the binary's path on stdout.
set -euo pipefail
want=1.17.10
bin="$(go env GOPATH | cut -d: -f1)/bin/geth"
if [ -x "$bin" ] && "$bin" version 2>/dev/null | grep "^Version: $want" >/dev/null; then
  echo "$bin"
  exit 0
fi
echo "installing geth v$want with go install (about 2.5 minutes on a cold cache)..." >&2
go install "github.com/ethereum/go-ethereum/cmd/geth@v$want" >&2
echo "$bin"
