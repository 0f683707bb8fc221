"""Deploys template.yaml into a running LocalStack's CloudFormation for the LocalStack lane.

    python deploy.py --endpoint http://127.0.0.1:PORT --template template.yaml --out stack.json [--stack NAME]

Runs on the LocalStack venv's Python (scripts/tools.sh localstack): boto3 and LocalStack's own CloudFormation YAML
parser come with it. Steps:

1. Read the template (short-form tags such as !Ref and !Sub included) and give every AWS::Serverless::Function an
   uploaded code artifact: one placeholder zip per distinct CodeUri (the function's own, else Globals.Function's),
   uploaded to a bucket on LocalStack's S3 and referenced as {Bucket, Key}. The functions are created, never run:
   the lane drives the Quarkus functions in-process, so whatever artifact layout the build has (one zip, or one per
   function group) only needs its CodeUri here. Handlers stay as the template says.
2. Upload the template (it exceeds the 51,200-byte TemplateBody limit, as `sam deploy` does) and create_stack
   with the SAM transform (LocalStack runs it) and wait for CREATE_COMPLETE; on failure print the
   failed resources and their reasons.
3. Disable every event source mapping of the stack's functions and wait until they are Disabled, so the test
   consumes the queues itself.
4. Write a JSON document: parameters, outputs, every deployed resource's type and physical id, the template's
   resources (type, condition), and what LocalStack kept of
   the settings it is known to skip (PITR, deletion protection, S3 lifecycle, SnapStart), as read back from its APIs.
"""
import argparse
import io
import json
import sys
import time
import zipfile

import boto3
from botocore.config import Config

from localstack.services.cloudformation.engine.yaml_parser import parse_yaml

ARTIFACT_BUCKET = "collections-lane-artifacts"


def client(service, endpoint):
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test",
                        aws_secret_access_key="test",
                        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 10}))


def placeholder_zip(code_uri):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("PLACEHOLDER.txt", date_time=(2026, 1, 1, 0, 0, 0))
        z.writestr(info, "LocalStack lane placeholder for CodeUri %s: the function is created, never run; the "
                         "test runs the Quarkus functions in-process.\n" % code_uri)
    return buffer.getvalue()


def with_artifacts(template, s3):
    """Replaces each local CodeUri with an uploaded placeholder; returns the distinct CodeUris."""
    globals_function = template.get("Globals", {}).get("Function", {})
    uploaded = {}

    def s3_location(code_uri):
        if isinstance(code_uri, dict):
            return code_uri  # already {Bucket, Key} (or an intrinsic): nothing to upload
        if code_uri not in uploaded:
            key = "placeholder-%d.zip" % len(uploaded)
            s3.put_object(Bucket=ARTIFACT_BUCKET, Key=key, Body=placeholder_zip(code_uri))
            uploaded[code_uri] = key
        return {"Bucket": ARTIFACT_BUCKET, "Key": uploaded[code_uri]}

    for name, resource in template.get("Resources", {}).items():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        properties = resource.setdefault("Properties", {})
        code_uri = properties.get("CodeUri", globals_function.get("CodeUri"))
        if code_uri is None:
            raise SystemExit("deploy.py: %s has no CodeUri (and Globals.Function has none)" % name)
        properties["CodeUri"] = s3_location(code_uri)
    if "CodeUri" in globals_function:
        globals_function["CodeUri"] = s3_location(globals_function["CodeUri"])
    return sorted(uploaded)


def wait_for_stack(cfn, stack, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        status = cfn.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"]
        if not status.endswith("_IN_PROGRESS"):
            return status
        time.sleep(0.5)
    return "TIMEOUT"


def failures(cfn, stack):
    out = []
    for event in cfn.describe_stack_events(StackName=stack)["StackEvents"]:
        if event.get("ResourceStatus", "").endswith("FAILED"):
            out.append("%s (%s): %s" % (event["LogicalResourceId"], event.get("ResourceType"),
                                        event.get("ResourceStatusReason")))
    return out


def disable_event_source_mappings(lam, function_names, timeout):
    uuids = []
    for name in function_names:
        for mapping in lam.list_event_source_mappings(FunctionName=name).get("EventSourceMappings", []):
            lam.update_event_source_mapping(UUID=mapping["UUID"], Enabled=False)
            uuids.append(mapping["UUID"])
    deadline = time.time() + timeout
    pending = set(uuids)
    while pending and time.time() < deadline:
        for uuid in list(pending):
            if lam.get_event_source_mapping(UUID=uuid)["State"] == "Disabled":
                pending.discard(uuid)
        if pending:
            time.sleep(0.2)
    if pending:
        raise SystemExit("deploy.py: event source mappings not disabled in time: %s" % sorted(pending))
    return len(uuids)


def kept_settings(endpoint, template, resources):
    """What LocalStack kept of the settings it is known to skip, read back from its own APIs."""
    out = {}
    ddb, s3, lam = client("dynamodb", endpoint), client("s3", endpoint), client("lambda", endpoint)
    for name, resource in template["Resources"].items():
        physical = resources.get(name, {}).get("physicalId")
        properties = resource.get("Properties", {})
        kind = resource.get("Type")
        if kind == "AWS::DynamoDB::Table" and physical:
            table = ddb.describe_table(TableName=physical)["Table"]
            pitr = ddb.describe_continuous_backups(TableName=physical)["ContinuousBackupsDescription"]
            out[name] = {
                "PointInTimeRecovery": {
                    "template": properties.get("PointInTimeRecoverySpecification", {})
                    .get("PointInTimeRecoveryEnabled"),
                    "deployed": pitr.get("PointInTimeRecoveryDescription", {}).get("PointInTimeRecoveryStatus")},
                "DeletionProtection": {"template": properties.get("DeletionProtectionEnabled"),
                                       "deployed": table.get("DeletionProtectionEnabled")},
                "GlobalSecondaryIndexes": [i["IndexName"] for i in table.get("GlobalSecondaryIndexes", [])],
            }
        elif kind == "AWS::S3::Bucket" and physical:
            try:
                rules = s3.get_bucket_lifecycle_configuration(Bucket=physical).get("Rules", [])
            except s3.exceptions.ClientError as e:
                rules = "none (%s)" % e.response["Error"]["Code"]
            versioning = s3.get_bucket_versioning(Bucket=physical).get("Status")
            out[name] = {"LifecycleRules": {"template": len(properties.get("LifecycleConfiguration", {})
                                                             .get("Rules", [])), "deployed": rules},
                         "Versioning": versioning}
        elif kind == "AWS::Serverless::Function" and physical:
            configuration = lam.get_function_configuration(FunctionName=physical)
            out[name] = {"SnapStart": {"template": "PublishedVersions",
                                       "deployed": configuration.get("SnapStart", {}).get("ApplyOn")},
                         "Runtime": configuration.get("Runtime"), "Handler": configuration.get("Handler")}
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--template", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--stack", default="collections-lane")
    parser.add_argument("--parameter", action="append", default=[], help="Key=Value")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()

    started = time.time()
    with open(args.template) as f:
        template = parse_yaml(f.read())
    original = json.loads(json.dumps(template))

    s3 = client("s3", args.endpoint)
    s3.create_bucket(Bucket=ARTIFACT_BUCKET)
    code_uris = with_artifacts(template, s3)

    cfn = client("cloudformation", args.endpoint)
    parameters = [{"ParameterKey": k, "ParameterValue": v} for k, v in (p.split("=", 1) for p in args.parameter)]
    # Like `sam deploy`, through S3: the template is larger than CreateStack's 51,200-byte TemplateBody limit.
    s3.put_object(Bucket=ARTIFACT_BUCKET, Key="template.json", Body=json.dumps(template).encode())
    template_url = "%s/%s/template.json" % (args.endpoint.rstrip("/"), ARTIFACT_BUCKET)
    cfn.create_stack(StackName=args.stack, TemplateURL=template_url, Parameters=parameters,
                     Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"])
    status = wait_for_stack(cfn, args.stack, args.timeout)
    deployed_in = time.time() - started
    if status != "CREATE_COMPLETE":
        for line in failures(cfn, args.stack):
            print("deploy.py: FAILED " + line, file=sys.stderr)
        raise SystemExit("deploy.py: stack %s ended in %s" % (args.stack, status))

    stack = cfn.describe_stacks(StackName=args.stack)["Stacks"][0]
    resources = {}
    for page in cfn.get_paginator("list_stack_resources").paginate(StackName=args.stack):
        for r in page["StackResourceSummaries"]:
            resources[r["LogicalResourceId"]] = {"type": r["ResourceType"], "physicalId": r.get("PhysicalResourceId"),
                                                 "status": r["ResourceStatus"]}
    functions = [r["physicalId"] for r in resources.values() if r["type"] == "AWS::Lambda::Function"]
    mappings = disable_event_source_mappings(client("lambda", args.endpoint), functions, args.timeout)

    document = {
        "stack": args.stack,
        "status": status,
        "deploySeconds": round(deployed_in, 1),
        "codeUris": code_uris,
        "parameters": {p["ParameterKey"]: p.get("ParameterValue") for p in stack.get("Parameters", [])},
        "outputs": {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])},
        "resources": resources,
        # The template's own resources (before the SAM transform), with their Condition if any.
        "templateResources": {name: {"type": r.get("Type"), "condition": r.get("Condition")}
                              for name, r in original.get("Resources", {}).items()},
        "eventSourceMappingsDisabled": mappings,
        "keptSettings": kept_settings(args.endpoint, original, resources),
    }
    with open(args.out, "w") as f:
        json.dump(document, f, indent=1, sort_keys=True)
    print("deploy.py: %s %s, %d resources in %.1f s, %d event source mappings disabled"
          % (args.stack, status, len(resources), deployed_in, mappings), file=sys.stderr)


if __name__ == "__main__":
    main()
