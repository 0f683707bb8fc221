#!/usr/bin/env bash
# Runs the independent Metro 2 validator (moov-io/metro2, see scripts/metro2-validator.sh) over every Metro 2 file the
# tests wrote (functions/*/target/metro2/**/*.txt) and fails when any of them has an error. Files made invalid on
# purpose live in target/metro2-invalid and are not swept. The tests validate each file themselves as they write it;
# this sweep makes "every file passes" a property of the test command, not of each test's care.
#
# Usage: scripts/validate-metro2-files.sh        (from the repository root; ./collections test runs it after Maven)
set -euo pipefail

validator="${METRO2_VALIDATOR:-$(scripts/metro2-validator.sh | tail -n 1)}"
files=0
failed=0
while IFS= read -r -d '' file; do
  files=$((files + 1))
  # The tool exits 0 either way: valid is "the file is valid" on stdout and nothing on stderr.
  stderr_file="$(mktemp)"
  stdout="$("$validator" validator --input "$file" 2>"$stderr_file")"
  if [[ -s "$stderr_file" || "$stdout" != *"the file is valid"* ]]; then
    failed=$((failed + 1))
    echo "metro2: INVALID $file: $(tr '\n' ' ' <"$stderr_file")" >&2
  fi
  rm -f "$stderr_file"
done < <(find functions -path '*/target/metro2/*' -name '*.txt' -print0)

if ((files == 0)); then
  echo "metro2: no Metro 2 files under functions/*/target/metro2 (tests skipped?); nothing to validate" >&2
  exit 0
fi
echo "metro2: $files file(s) validated, $failed with errors"
((failed == 0))
