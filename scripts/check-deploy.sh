#!/usr/bin/env bash
# The deploy path as README's deploy section gives it, proven offline in the test run:
#   1. checkov over template.yaml: fails on any check the template does not skip in a resource's Metadata with a
#      one-line reason;
#   2. `sam build` (functions/artifacts/<group>/Makefile through each function's BuildMethod: makefile) and
#      `sam package` into a bucket on a local moto S3: every function's artifact must be uploaded and referenced
#      from the packaged template;
#   3. the artifact size check: prints each uploaded artifact's size and jar count and fails when one is over
#      ARTIFACT_LIMIT_MB (12 MB: docs/deploy.md) or holds an AWS client its functions do not use.
# Needs the deploy venv (scripts/tools.sh deploy: aws-sam-cli, checkov) and moto from the tools venv; no AWS account.
#
#   scripts/check-deploy.sh            both steps
#   scripts/check-deploy.sh checkov    only checkov (seconds)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
deploy_venv="$(scripts/tools.sh --venv deploy)"
tools_venv="$(scripts/tools.sh --venv)"

# 1. checkov
if ! "$deploy_venv/bin/checkov" --file template.yaml --framework cloudformation --compact --quiet \
      --skip-download > "${TMPDIR:-/tmp}/checkov.$$.txt" 2>&1; then
  cat "${TMPDIR:-/tmp}/checkov.$$.txt" >&2
  rm -f "${TMPDIR:-/tmp}/checkov.$$.txt"
  echo "check-deploy: FAILED (checkov: fix the resource, or skip the check in its Metadata with a reason)" >&2
  exit 1
fi
passed="$(grep -c 'PASSED' "${TMPDIR:-/tmp}/checkov.$$.txt" || true)"
rm -f "${TMPDIR:-/tmp}/checkov.$$.txt"
skipped="$(grep -c -- '- id: CKV' template.yaml || true)"
echo "check-deploy: checkov OK (0 failed; ${skipped} skips, each with a reason in template.yaml)"
[[ "${1:-}" == "checkov" ]] && exit 0

# 2. sam build + sam package against moto S3
work="$(mktemp -d "${TMPDIR:-/tmp}/check-deploy.XXXXXX")"
moto_pid=""
cleanup() { [[ -n "$moto_pid" ]] && kill "$moto_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port="$("$tools_venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$tools_venv/bin/moto_server" -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1 && break
  sleep 0.2
done
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" SAM_CLI_TELEMETRY=0
bucket=collections-artifacts
"$deploy_venv/bin/python" -c "import boto3; boto3.client('s3').create_bucket(Bucket='$bucket')"

if ! "$deploy_venv/bin/sam" build --build-dir "$work/build" > "$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  echo "check-deploy: FAILED (sam build)" >&2
  exit 1
fi
if ! "$deploy_venv/bin/sam" package --template-file "$work/build/template.yaml" --s3-bucket "$bucket" \
      --output-template-file "$work/packaged.yaml" > "$work/package.log" 2>&1; then
  cat "$work/package.log" >&2
  echo "check-deploy: FAILED (sam package)" >&2
  exit 1
fi
"$deploy_venv/bin/python" - "$work/packaged.yaml" "$work/build" "$bucket" "${ARTIFACT_LIMIT_MB:-12}" <<'PY'
import sys
from pathlib import Path

import boto3
from samcli.yamlhelper import yaml_parse

packaged, build_dir, bucket, limit_mb = sys.argv[1], Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])
template = yaml_parse(Path(packaged).read_text(encoding="utf-8"))
source = yaml_parse(Path("template.yaml").read_text(encoding="utf-8"))
s3 = boto3.client("s3")
problems, rows = [], []
# The AWS clients each artifact may hold (functions/artifacts/<group>/pom.xml); any other is dead weight.
clients = {"ingest": set(), "scan": {"sns"}, "workers": {"sns", "ses"}, "contact-sweep": {"sns", "ses"},
           "credit-report": {"sns", "s3"}, "inbox": set()}
for name, resource in sorted(template["Resources"].items()):
    if resource["Type"] != "AWS::Serverless::Function":
        continue
    uri = resource["Properties"].get("CodeUri", "")
    if not (isinstance(uri, str) and uri.startswith(f"s3://{bucket}/")):
        problems.append(f"{name}: CodeUri {uri!r} is not an uploaded artifact")
        continue
    key = uri[len(f"s3://{bucket}/"):]
    size = s3.head_object(Bucket=bucket, Key=key)["ContentLength"]
    unpacked = sum(f.stat().st_size for f in (build_dir / name).rglob("*") if f.is_file())
    jars = sorted(f.name for f in (build_dir / name / "lib").glob("*.jar"))
    group = Path(source["Resources"][name]["Properties"]["CodeUri"]).name
    rows.append(f"  {name:<28} {group:<14} {size / 1e6:6.1f} MB zipped, {unpacked / 1e6:6.1f} MB unpacked, "
                f"{len(jars):3d} jars  {uri}")
    if size > limit_mb * 1e6:
        problems.append(f"{name}: artifact {size / 1e6:.1f} MB is over the {limit_mb:g} MB limit")
    for client in ("sns", "ses", "s3", "sqs"):
        if any(j.startswith(f"software.amazon.awssdk.{client}-") for j in jars) != (client in clients[group]):
            problems.append(f"{name}: the {group} artifact {'lacks' if client in clients[group] else 'holds'} "
                            f"the {client} client")
if problems or not rows:
    print("\n".join(rows), file=sys.stderr)
    print("\n".join(problems or ["no functions in the packaged template"]), file=sys.stderr)
    print("check-deploy: FAILED (artifacts)", file=sys.stderr)
    sys.exit(1)
print(f"check-deploy: sam build + sam package OK ({len(rows)} functions uploaded to s3://{bucket} on moto; "
      f"every artifact within {limit_mb:g} MB):")
print("\n".join(rows))
PY
