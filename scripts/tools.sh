#!/usr/bin/env bash
# Provisions the Python tools the build and tests need (cfn-lint, moto server + boto3) into a cached
# virtualenv OUTSIDE the repo, so a fresh clone or a CI run reuses it instead of reinstalling.
#
#   scripts/tools.sh            ensure the venv is current; silent when it already is
#   scripts/tools.sh --venv     same, then print the venv path on stdout (for callers)
#
# The venv lives at ${COLLECTIONS_CACHE:-$HOME/.cache/collections-engine}/venv. A stamp file in it holds
# the sha256 of scripts/requirements-tools.txt; the venv is rebuilt from scratch only when that hash
# changes, the stamp is missing (e.g. an interrupted install) or the venv's interpreter no longer runs.
# Override the interpreter used to create the venv with COLLECTIONS_PYTHON (default: python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
requirements="$here/requirements-tools.txt"
cache="${COLLECTIONS_CACHE:-$HOME/.cache/collections-engine}"
venv="$cache/venv"
stamp="$venv/.requirements.sha256"
python="${COLLECTIONS_PYTHON:-python3}"

print_venv=false
case "${1:-}" in
  "") ;;
  --venv) print_venv=true ;;
  *) echo "usage: $0 [--venv]" >&2; exit 2 ;;
esac

wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

is_current() {
  [[ -f "$stamp" ]] && [[ "$(cat "$stamp")" == "$wanted" ]] \
    && [[ -x "$venv/bin/python" ]] && "$venv/bin/python" -c '' 2>/dev/null
}

if ! is_current; then
  mkdir -p "$cache"
  # Two builds started together (e.g. a test run and a lint run) must not install over each other.
  exec 9>"$cache/.tools.lock"
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
