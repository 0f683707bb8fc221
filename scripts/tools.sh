#!/usr/bin/env bash
# Provisions the Python tools the build and tests need into a cached virtualenv OUTSIDE the repo, so a fresh
# clone or a CI run reuses it instead of reinstalling. Two sets, each its own venv because their pins conflict
# (aws-sam-cli and checkov pin older cfn-lint, boto3 and aws-sam-translator than the lint set):
#   tools    scripts/requirements-tools.txt:  cfn-lint, aws-sam-translator, moto server + boto3   -> venv
#   deploy   scripts/requirements-deploy.txt: aws-sam-cli, checkov                               -> deploy-venv
#   localstack scripts/requirements-localstack.txt: LocalStack community, host mode, Python 3.13  -> localstack-venv
#
#   scripts/tools.sh [SET]          ensure the venv is current; silent when it already is (SET: tools)
#   scripts/tools.sh --venv [SET]   same, then print the venv path on stdout (for callers)
#
# The venv lives under ${COLLECTIONS_CACHE:-$HOME/.cache/collections-engine}/. A stamp file in it holds
# the sha256 of its requirements file; the venv is rebuilt from scratch only when that hash
# changes, the stamp is missing (e.g. an interrupted install) or the venv's interpreter no longer runs.
# Override the interpreter used to create the venv with COLLECTIONS_PYTHON (default: python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${COLLECTIONS_CACHE:-$HOME/.cache/collections-engine}"
python="${COLLECTIONS_PYTHON:-python3}"

print_venv=false
if [[ "${1:-}" == "--venv" ]]; then
  print_venv=true
  shift
fi
case "${1:-tools}" in
  tools) requirements="$here/requirements-tools.txt"; venv="$cache/venv" ;;
  deploy) requirements="$here/requirements-deploy.txt"; venv="$cache/deploy-venv" ;;
  localstack)
    # localstack-core needs Python >= 3.12 in practice (PEP 695 generics); the pins were verified on 3.13.
    requirements="$here/requirements-localstack.txt"; venv="$cache/localstack-venv"
    python="${COLLECTIONS_LOCALSTACK_PYTHON:-}"
    if [[ -z "$python" ]]; then
      # Run each candidate: a pyenv shim exists even where its version is not selected.
      for candidate in python3.13 "$HOME"/.pyenv/versions/3.13*/bin/python3 python3.12 \
                       "$HOME"/.pyenv/versions/3.12*/bin/python3; do
        if "$candidate" -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1; then
          python="$candidate"; break
        fi
      done
    fi
    if [[ -z "$python" ]]; then
      echo "tools.sh: no Python 3.13/3.12 found for LocalStack (set COLLECTIONS_LOCALSTACK_PYTHON)" >&2
      exit 3
    fi
    ;;
  *) echo "usage: $0 [--venv] [tools|deploy|localstack]" >&2; exit 2 ;;
esac
stamp="$venv/.requirements.sha256"

wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

is_current() {
  [[ -f "$stamp" ]] && [[ "$(cat "$stamp")" == "$wanted" ]] \
    && [[ -x "$venv/bin/python" ]] && "$venv/bin/python" -c '' 2>/dev/null
}

if ! is_current; then
  mkdir -p "$cache"
  # Two builds started together (e.g. a test run and a lint run) must not install over each other.
  exec 9>"$venv.lock"
  flock 9
  # Another process may have finished the install while we waited for the lock.
  if ! is_current; then
    echo "tools.sh: installing Python tools into $venv" >&2
    rm -f "$stamp"
    "$python" -m venv --clear "$venv"
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
    "$venv/bin/python" -m pip install --quiet -r "$requirements" >&2
    # Written last: its presence means the install above completed.
    printf '%s\n' "$wanted" >"$stamp"
    echo "tools.sh: done" >&2
  fi
  exec 9>&-
fi

if $print_venv; then
  printf '%s\n' "$venv"
fi
