#!/usr/bin/env bash
# Lints the SAM template in two passes, failing on any finding (errors, warnings and informational):
#   1. cfn-lint on template.yaml as written;
#   2. the SAM transform (aws-sam-translator, the translator SAM CLI uses), then cfn-lint on the CloudFormation
#      it produces. cfn-lint 1.x checks SAM resources against a schema only, so without this pass a misspelt
#      event property or a dangling !GetAtt inside a function's Events goes unnoticed until deployment;
#   3. infra/parameters/{dev,prod}.json name only template parameters, with allowed values, and match the
#      parameter_overrides of samconfig.toml's default (dev) and prod environments.
# Both passes run offline: no AWS credentials or calls (managed policies named by ARN need no look-up).
#
#   scripts/lint-template.sh [TEMPLATE]     default: template.yaml at the repo root
#
# Prints one OK line on success. On failure prints the findings; findings of pass 2 point into the
# transformed template, which is then kept and its path printed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template="${1:-$root/template.yaml}"
[[ -f "$template" ]] || { echo "lint-template: no such file: $template" >&2; exit 2; }

venv="$("$root/scripts/tools.sh" --venv)"
work="$(mktemp -d "${TMPDIR:-/tmp}/lint-template.XXXXXX")"
keep_work=false
cleanup() { $keep_work || rm -rf "$work"; }
trap cleanup EXIT

cfn_lint() {
  "$venv/bin/cfn-lint" --include-checks I --non-zero-exit-code informational -- "$1"
}

# Pass 1: the template as written.
if ! cfn_lint "$template"; then
  echo "lint-template: FAILED (cfn-lint on $template)" >&2
  exit 1
fi

# Pass 2: SAM transform, then lint the result.
transformed="$work/$(basename "${template%.*}").transformed.json"
if ! AWS_DEFAULT_REGION=us-east-1 "$venv/bin/python" - "$template" "$transformed" <<'PY'
import json
import sys

from cfnlint.decode import decode
from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform

source, target = sys.argv[1], sys.argv[2]
template, matches = decode(source)
if matches:
    for match in matches:
        print(match, file=sys.stderr)
    sys.exit(1)
template = json.loads(json.dumps(template))  # plain dicts and strings for the translator


def as_s3(uri):
    # The translator accepts only s3:// code locations; `sam build`/`sam deploy` upload the local artifact.
    if isinstance(uri, str) and not uri.startswith("s3://"):
        return "s3://local-artifact/" + uri
    return uri


function_globals = template.get("Globals", {}).get("Function", {})
if "CodeUri" in function_globals:
    function_globals["CodeUri"] = as_s3(function_globals["CodeUri"])
for resource in template.get("Resources", {}).values():
    properties = resource.get("Properties") or {}
    if resource.get("Type") == "AWS::Serverless::Function" and "CodeUri" in properties:
        properties["CodeUri"] = as_s3(properties["CodeUri"])


class NoManagedPolicyLookup:
    """Managed policies named by ARN need no look-up; one named by bare name would fail the transform."""

    def load(self):
        return {}


try:
    output = transform(template, {}, NoManagedPolicyLookup())
except InvalidDocumentException as error:
    for cause in error.causes:
        print("SAM transform: " + cause.message, file=sys.stderr)
    sys.exit(1)
with open(target, "w", encoding="utf-8") as out:
    json.dump(output, out, indent=1)
PY
then
  echo "lint-template: FAILED (SAM transform of $template)" >&2
  exit 1
fi
if ! cfn_lint "$transformed"; then
  keep_work=true
  echo "lint-template: FAILED (cfn-lint on the SAM-transformed template, kept at $transformed)" >&2
  exit 1
fi

# Pass 3: the stage parameter files and samconfig.toml agree with the template and with each other.
if ! "$venv/bin/python" - "$template" "$root" <<'PY'
import json
import re
import sys
import tomllib
from pathlib import Path

from cfnlint.decode import decode

template_path, root = sys.argv[1], Path(sys.argv[2])
declared = decode(template_path)[0].get("Parameters", {})
problems = []


def check(source, values):
    for key, value in values.items():
        spec = declared.get(key)
        if spec is None:
            problems.append(f"{source}: {key} is not a template parameter")
            continue
        if "AllowedValues" in spec and value not in [str(v) for v in spec["AllowedValues"]]:
            problems.append(f"{source}: {key}={value} is not one of {spec['AllowedValues']}")
        if "AllowedPattern" in spec and not re.fullmatch(spec["AllowedPattern"], value):
            problems.append(f"{source}: {key}={value} does not match {spec['AllowedPattern']}")
        if spec.get("Type") == "Number":
            try:
                number = float(value)
            except ValueError:
                problems.append(f"{source}: {key}={value} is not a number")
                continue
            if "MinValue" in spec and number < float(spec["MinValue"]):
                problems.append(f"{source}: {key}={value} is below {spec['MinValue']}")
            if "MaxValue" in spec and number > float(spec["MaxValue"]):
                problems.append(f"{source}: {key}={value} is above {spec['MaxValue']}")


def pairs(source, items):
    values = {}
    for item in items:
        key, sep, value = item.partition("=") if isinstance(item, str) else ("", "", "")
        if not sep:
            problems.append(f"{source}: {item!r} is not Key=Value")
        else:
            values[key] = value
    return values


samconfig = tomllib.loads((root / "samconfig.toml").read_text(encoding="utf-8"))
for config_env, stage in (("default", "dev"), ("prod", "prod")):
    name = f"infra/parameters/{stage}.json"
    items = json.loads((root / name).read_text(encoding="utf-8"))
    if not isinstance(items, list):
        problems.append(f"{name}: must be a JSON array of \"Key=Value\" strings")
        continue
    from_file = pairs(name, items)
    check(name, from_file)
    if from_file.get("Stage") != stage:
        problems.append(f"{name}: Stage must be {stage}")
    overrides = samconfig.get(config_env, {}).get("deploy", {}).get("parameters", {}).get("parameter_overrides", "")
    from_samconfig = pairs(f"samconfig.toml [{config_env}]", overrides.split())
    if from_samconfig != from_file:
        problems.append(f"samconfig.toml [{config_env}.deploy.parameters] parameter_overrides differ from {name}")
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
then
  echo "lint-template: FAILED (parameter files)" >&2
  exit 1
fi

# Pass 4: the generated dashboard and saved queries are what scripts/dashboard.py makes of this template.
if [[ "$template" == "$root/template.yaml" ]] && ! "$venv/bin/python" "$root/scripts/dashboard.py" --check; then
  echo "lint-template: FAILED (dashboard block stale)" >&2
  exit 1
fi

versions="$("$venv/bin/python" -c 'import importlib.metadata as m; print("cfn-lint", m.version("cfn-lint") + ",", "aws-sam-translator", m.version("aws-sam-translator"))')"
echo "lint-template: OK $(realpath --relative-to="$PWD" "$template" 2>/dev/null || echo "$template") ($versions; as written, SAM-transformed, parameter files)"
