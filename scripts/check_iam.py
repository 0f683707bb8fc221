"""See check-iam.sh. Reads the template with cfn-lint's decoder (it understands !Ref, !Sub, !GetAtt)."""
import fnmatch
import sys
from pathlib import Path

from cfnlint.decode import decode

# SDK operation names whose IAM action differs.
ACTION_OF = {
    "s3:HeadObject": "s3:GetObject",
    "s3:ListObjectsV2": "s3:ListBucket",
    "s3:HeadBucket": "s3:ListBucket",
    "sns:PublishBatch": "sns:Publish",
    "sqs:SendMessageBatch": "sqs:SendMessage",
    "sqs:DeleteMessageBatch": "sqs:DeleteMessage",
}

template_path, observed_dir = sys.argv[1], Path(sys.argv[2])
template, matches = decode(template_path)
if matches:
    for match in matches:
        print(match, file=sys.stderr)
    sys.exit(2)
resources = template["Resources"]
problems = []


def as_list(value):
    return value if isinstance(value, list) else [value]


def resource_kind(resource):
    """'table', 'index' or None for a Resource entry of a DynamoDB statement."""
    if isinstance(resource, dict) and resource.get("Fn::GetAtt") in (["CollectionsTable", "Arn"], "CollectionsTable.Arn"):
        return "table"
    if isinstance(resource, dict) and "Fn::Sub" in resource:
        text = resource["Fn::Sub"] if isinstance(resource["Fn::Sub"], str) else resource["Fn::Sub"][0]
        if text.startswith("${CollectionsTable.Arn}/index/"):
            return "index"
    return None


def statements_of(role):
    for policy in role.get("Properties", {}).get("Policies", []):
        for statement in as_list(policy["PolicyDocument"]["Statement"]):
            if statement.get("Effect") == "Allow":
                yield statement


def leading_keys(statement):
    for operator, conditions in (statement.get("Condition") or {}).items():
        if "dynamodb:LeadingKeys" in conditions:
            return as_list(conditions["dynamodb:LeadingKeys"])
    return None


def allows(statement, action, target):
    if not any(fnmatch.fnmatchcase(action, pattern) for pattern in as_list(statement["Action"])):
        return False
    if not action.startswith("dynamodb:"):
        return True
    kinds = {resource_kind(r) for r in as_list(statement["Resource"])}
    if target.startswith("index:"):
        return "index" in kinds
    if "table" not in kinds:
        return False
    keys = leading_keys(statement)
    return keys is None or any(fnmatch.fnmatchcase(target + "x", pattern) for pattern in keys)


roles_used = {}
for name, resource in sorted(resources.items()):
    if resource.get("Type") != "AWS::Serverless::Function":
        continue
    properties = resource["Properties"]
    export = properties["Environment"]["Variables"]["QUARKUS_FUNQY_EXPORT"]
    role_ref = properties.get("Role")
    if not (isinstance(role_ref, dict) and "Fn::GetAtt" in role_ref):
        problems.append(f"{name}: needs a role of its own (Role: !GetAtt <Role>.Arn), not SAM's generated one")
        continue
    role_name = as_list(role_ref["Fn::GetAtt"])[0].split(".")[0]
    if role_name in roles_used:
        problems.append(f"{name}: shares role {role_name} with {roles_used[role_name]}")
    roles_used[role_name] = name
    statements = list(statements_of(resources[role_name]))
    observed_file = observed_dir / f"{export}.txt"
    if not observed_file.is_file():
        problems.append(f"{name} ({export}): no calls observed ({observed_file} missing: did its Quarkus test run?)")
        continue
    calls = sorted({line.strip() for line in observed_file.read_text(encoding="utf-8").splitlines() if line.strip()})
    used_dynamodb = set()
    for call in calls:
        operation, _, target = call.partition(" ")
        action = ACTION_OF.get(operation, operation)
        if action.startswith("dynamodb:"):
            used_dynamodb.add(action)
        if not any(allows(s, action, target) for s in statements):
            problems.append(f"{name} ({export}): calls {action}{' on ' + target if target else ''}, its role "
                            f"{role_name} does not allow it")
    for statement in statements:
        for pattern in as_list(statement["Action"]):
            if pattern.startswith("dynamodb:") and not any(fnmatch.fnmatchcase(a, pattern) for a in used_dynamodb):
                problems.append(f"{name} ({export}): role {role_name} allows {pattern}, never called by the function")
    print(f"check-iam: {name} ({export}): {len(calls)} distinct calls observed, all allowed" if not any(
        p.startswith(name + " ") for p in problems) else f"check-iam: {name} ({export}): see problems", file=sys.stderr)

for problem in problems:
    print("check-iam: " + problem, file=sys.stderr)
if problems:
    print(f"check-iam: FAILED ({len(problems)} problems)", file=sys.stderr)
    sys.exit(1)
print(f"check-iam: OK ({len(roles_used)} functions, each role = the calls its tests observed)")
