#!/usr/bin/env bash
# Installs Lucene 8 (Debian liblucene8-java) and compiles the baseline program for
# `articles-bench analyzer`, `articles-bench retrieval` and `articles-bench scale --real`. Java 17 (javac) must be present. Run as root or with sudo.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! ls /usr/share/java/lucene-analyzers-common*.jar >/dev/null 2>&1; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends liblucene8-java
fi
core="$(ls /usr/share/java/lucene-core.jar 2>/dev/null || ls /usr/share/java/lucene-core*.jar | head -1)"
common="$(ls /usr/share/java/lucene-analyzers-common.jar 2>/dev/null || ls /usr/share/java/lucene-analyzers-common*.jar | head -1)"
mkdir -p "$here/Lucene/build"
javac -nowarn -d "$here/Lucene/build" -cp "$core:$common" "$here/Lucene/AnalyzerThroughput.java" "$here/Lucene/TokenDump.java" "$here/Lucene/Retrieval.java" "$here/Lucene/IndexBaseline.java"
echo "$core:$common:$here/Lucene/build" > "$here/Lucene/build/classpath"
echo "Lucene baseline ready: $(cat "$here/Lucene/build/classpath")"
