#!/usr/bin/env bash
# Shows that the API baseline check (bundles/pom.xml, tycho-baseline-plugin against releng/api-baseline) fails a
# build with a breaking API change: in a scratch copy of this checkout, removes a public method of org.loupe.api
# (LoupeException.badInput(subject, problem, cause)) without a major version bump, builds org.loupe.api, and
# expects the build to fail with the baseline's report. Exit 0 when it does; 1 when the break went unnoticed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "check-api-baseline: copying the checkout to $scratch" >&2
git -C "$here" ls-files -z | (cd "$here" && xargs -0 cp --parents -t "$scratch")
file="$scratch/bundles/org.loupe.api/src/org/loupe/api/LoupeException.java"
python3 - "$file" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
i = s.index('    /** A bad input with its cause. */')
j = s.index('    }\n', i) + 6
open(p, 'w').write(s[:i] + s[j:])
PY
echo "check-api-baseline: removed LoupeException.badInput(String, String, Throwable); building org.loupe.api" >&2
if (cd "$scratch" && ./mvnw -B -q -o -DskipTests verify -pl bundles/org.loupe.api -am > "$scratch/build.log" 2>&1); then
  echo "check-api-baseline: FAILED: the build accepted a breaking API change" >&2
  exit 1
fi
grep -E "MAJOR|Baseline problems found" "$scratch/build.log" | sed 's/^\[ERROR\] //' | head -8 >&2
if grep -q "Baseline problems found" "$scratch/build.log"; then
  echo "check-api-baseline: ok: the baseline check refused the breaking change" >&2
else
  echo "check-api-baseline: FAILED: the build failed, but not at the baseline check (see the log above)" >&2
  tail -20 "$scratch/build.log" >&2
  exit 1
fi
