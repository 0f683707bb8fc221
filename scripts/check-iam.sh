#!/usr/bin/env bash
# Holds template.yaml's per-function IAM roles to what each function really calls. The Quarkus function tests record
# every AWS call a function makes (ObservedAwsCalls, test scope) into
# functions/collections-lambda/target/observed-aws-calls/<QUARKUS_FUNQY_EXPORT>.txt; this script then fails when
#   1. a call a function made is not allowed by its role (action, table or index resource, dynamodb:LeadingKeys), or
#   2. a role allows a DynamoDB action its function never called in the tests (least privilege: an unused right
#      is either dead or untested), or
#   3. a function has no role of its own, or its role is shared, or a function's calls were never observed.
# Run after `mvn verify` (./collections test does).
#
#   scripts/check-iam.sh [TEMPLATE] [OBSERVED_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template="${1:-$root/template.yaml}"
observed="${2:-$root/functions/collections-lambda/target/observed-aws-calls}"
venv="$("$root/scripts/tools.sh" --venv)"
exec "$venv/bin/python" "$root/scripts/check_iam.py" "$template" "$observed"
