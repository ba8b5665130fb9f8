#!/bin/bash
# What each bulk-load option costs on real news, next to bare FTS5 in the same run.
#
#   bash Benchmarks/ingest-options.sh [RUNS]        (default 3; needs python3 and ../shared)
#
# Writes the real-news dev days (../shared/corpora/saudinewsnet-dev, one record per URL with
# text) as news-please JSON Lines, then ingests them with the release `articles` in each
# configuration, round-robin, RUNS times, next to a bare FTS5 table (Python sqlite3, unicode61,
# one transaction) of the same titles and bodies. Prints medians: wall and CPU seconds, the
# ratio to bare FTS5 (above 1: faster than bare), peak RSS, and the file size against bare.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SHARED=${SHARED:-../shared}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -d "$SHARED/corpora/saudinewsnet-dev" ] || { echo "skipped: $SHARED/corpora/saudinewsnet-dev is absent"; exit 0; }
swift build -c release --product articles >/dev/null
BIN=.build/release/articles
python3 - "$SHARED/corpora/saudinewsnet-dev" "$WORK/news.jsonl" <<'PY'
import glob, json, sys, zipfile
seen = set()
with open(sys.argv[2], "w") as out:
    for day in sorted(glob.glob(sys.argv[1] + "/*.zip")):
        archive = zipfile.ZipFile(day)
        for name in archive.namelist():
            for record in json.loads(archive.read(name)):
                text = record.get("content") or ""
                if not text.strip() or record["url"] in seen:
                    continue
                seen.add(record["url"])
                out.write(json.dumps({"title": record.get("title", ""), "maintext": text, "url": record["url"],
                                      "source_domain": record.get("source", "")}, ensure_ascii=False) + "\n")
PY
bare() {
  python3 - "$WORK/news.jsonl" "$WORK/bare.sqlite" <<'PY'
import json, os, sqlite3, sys, time
rows = [(r["title"], r["maintext"]) for r in map(json.loads, open(sys.argv[1]))]
if os.path.exists(sys.argv[2]): os.remove(sys.argv[2])
connection = sqlite3.connect(sys.argv[2])
connection.execute("CREATE VIRTUAL TABLE t USING fts5(title, body)")
started = time.time()
with connection: connection.executemany("INSERT INTO t VALUES (?, ?)", rows)
connection.close()
print("bare", round(time.time() - started, 3), 0, 0, 0, os.path.getsize(sys.argv[2]))
PY
}
run() {   # name, init options, ingest options
  rm -f "$WORK"/o.sqlite*
  if [ -n "$2" ]; then $BIN init --quiet --db "$WORK/o.sqlite" $2 >/dev/null; fi
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" $BIN ingest --quiet --db "$WORK/o.sqlite" $3 "$WORK/news.jsonl" >/dev/null
  echo "$1 $(cat "$WORK/time") $(stat -c %s "$WORK/o.sqlite")"
}
for _ in $(seq "$RUNS"); do
  bare
  run everything "" ""
  run --no-keywords "" "--no-keywords"
  run --no-entities "" "--no-entities"
  run "--word-index_off" "--word-index off" ""
  run --no-entities_--no-keywords "" "--no-entities --no-keywords"
  run all_three_off "--word-index off" "--no-entities --no-keywords"
done > "$WORK/runs.txt"
python3 - "$WORK/runs.txt" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, *values = line.split()
    runs[name].append([float(v) for v in values])
bare = runs.pop("bare")
bare_wall = statistics.median(r[0] for r in bare)
bare_size = bare[0][4]
print(f"bare FTS5: {bare_wall:.2f} s, {bare_size / 1e6:.1f} MB ({len(bare)} runs)\n")
print("| configuration | wall s | CPU s | vs bare FTS5 | peak RSS MB | file MB | vs bare |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, values in runs.items():
    wall = statistics.median(r[0] for r in values)
    cpu = statistics.median(r[1] + r[2] for r in values)
    rss = statistics.median(r[3] for r in values) / 1024
    size = values[0][4]
    print(f"| {name.replace('_', ' ')} | {wall:.2f} | {cpu:.2f} | {bare_wall / wall:.2f}x | {rss:.0f} | {size / 1e6:.1f} | {size / bare_size:.2f}x |")
PY
