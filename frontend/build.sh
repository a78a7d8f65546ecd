#!/usr/bin/env bash
# Rebuild the committed GOV.UK Frontend bundle in ectm/static/govuk.
# Needs Node.js and npm; the application itself never runs this.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../ectm/static/govuk"
cd "$here"
npm ci --silent
mkdir -p "$out"
npx sass --no-source-map --style=compressed --load-path=node_modules \
  --quiet-deps app.scss "$out/app.min.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/"
