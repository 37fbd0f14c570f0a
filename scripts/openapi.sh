#!/usr/bin/env bash
# Regenerates the API's contract for the browser app: frontend/openapi.json (the OpenAPI document the API serves,
# hub shapes included) and the TypeScript types generated from it (frontend/src/types/api.generated.ts).
# Run after changing a request, response or hub shape; commit both files. CI fails while either is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
FOCUSMATE_UPDATE_OPENAPI=1 dotnet test tests/FocusMate.IntegrationTests -c Release --nologo \
  --filter "FullyQualifiedName~OpenApiDocumentTests.TheCommittedOpenApiDocumentIsTheOneTheApiServes" >/dev/null
if [ -f frontend/package.json ] && grep -q '"gen:api"' frontend/package.json; then
  (cd frontend && npm run --silent gen:api)
fi
echo "frontend/openapi.json regenerated"
