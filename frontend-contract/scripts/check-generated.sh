#!/bin/sh
# Fails when types/graphql.ts is not what `npm run generate` makes from schema.graphql and queries/:
# generates into a temporary directory (codegen.ts reads CODEGEN_OUT_DIR) and compares.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CODEGEN_OUT_DIR="$tmp" graphql-codegen --config codegen.ts --silent
if ! cmp -s types/graphql.ts "$tmp/graphql.ts"; then
    diff -u types/graphql.ts "$tmp/graphql.ts" | head -n 40 || true
    echo "frontend-contract/types/graphql.ts is stale: run \`npm run generate\` in frontend-contract/ and commit it." >&2
    exit 1
fi
echo "types/graphql.ts is up to date."
