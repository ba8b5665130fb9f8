#!/usr/bin/env python3
"""Changes an ArticleStore file the way users of other tools do, then runs every `articles`
command on it: reading commands must work; writing commands must work or give the documented
message (naming what blocks them and the SQL that removes it).

Usage: python3 Tests/Interop/other_tools.py STORE.sqlite ARTICLES_BINARY SEEDS_DIR
Needs sqlite-utils and datasette (pip install sqlite-utils datasette).
Prints one line per check; exits 1 on the first failure.
"""
import asyncio
import json
import sqlite3
import subprocess
import sys

import sqlite_utils


def check(condition, message, detail=""):
    if not condition:
        print("FAIL: " + message + (" -- " + detail if detail else ""))
        sys.exit(1)
    print("ok: " + message)


def articles(binary, *arguments):
    run = subprocess.run([binary] + list(arguments), capture_output=True, text=True)
    return run.returncode, run.stdout, run.stderr


def reading_commands_work(binary, path, context):
    for arguments in (["search", "--format", "json", "التعاون"], ["list", "--format", "json"], ["show", "--format", "json", "4"],
                      ["stats", "--format", "json"], ["entities", "--format", "json"], ["tags", "--format", "json"],
                      ["export", "--quiet"], ["sql", "--format", "json", "SELECT count(*) FROM articles"],
                      ["duplicates", "--format", "json"], ["check", "--quiet"]):
        code, _, err = articles(binary, arguments[0], "--db", path, *arguments[1:])
        check(code == 0 or (arguments[0] == "check" and code == 1), context + ": articles " + arguments[0] + " works", err)


def main(path, binary, seeds):
    db = sqlite_utils.Database(path)

    # A view and a column of the user's own: tolerated by every command.
    db.create_view("recent", "select id, title from articles order by id desc limit 5")
    db["articles"].add_column("reviewed", int)
    reading_commands_work(binary, path, "with a view and an added column")
    code, _, err = articles(binary, "ingest", "--db", path, "--quiet", seeds)
    check(code == 0, "with a view and an added column: ingest works", err)
    code, out, _ = articles(binary, "check", "--db", path)
    check(code == 0, "check lists the additions and finds nothing wrong", out)

    # Rows inserted and deleted by sqlite-utils: found by check, repaired by check --repair.
    db["articles"].insert({"title": "خبر أدخلته أداة أخرى", "body": "نص عن الطاقة الشمسية أدخلته أداة أخرى",
                           "content_hash": "inserted-by-sqlite-utils"})
    db.execute("DELETE FROM articles WHERE id = 1")
    db.conn.commit()
    code, out, _ = articles(binary, "search", "--db", path, "--format", "json", "الشمسية")
    check(json.loads(out) == [], "a row inserted by sqlite-utils is not searchable before repair")
    code, out, _ = articles(binary, "check", "--db", path, "--format", "json")
    kinds = {finding["problem"] for finding in json.loads(out)}
    check(code == 1 and {"index-missing", "index-orphan"} <= kinds, "check finds the inserted and the deleted row", out)
    code, _, err = articles(binary, "check", "--db", path, "--repair", "--quiet")
    check(code == 0, "check --repair repairs them", err)
    code, out, _ = articles(binary, "search", "--db", path, "--format", "json", "الشمسية")
    check(len(json.loads(out)) == 1, "the inserted row is searchable after repair")
    plain = sqlite3.connect(path)
    plain.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    plain.execute("INSERT INTO articles_forms(articles_forms) VALUES ('integrity-check')")
    plain.execute("INSERT INTO articles_words(articles_words) VALUES ('integrity-check')")
    plain.commit()
    plain.close()
    check(True, "FTS5 integrity-check passes on the three indexes after repair")

    # A title changed by sqlite-utils: check finds the row stale; repair indexes the new text.
    db["articles"].update(2, {"title": "عنوان غيرته أداة أخرى عن الزلازل"})
    db.conn.commit()
    code, out, _ = articles(binary, "check", "--db", path, "--format", "json")
    kinds = {finding["problem"] for finding in json.loads(out)}
    check(code == 1 and "stale-terms" in kinds, "check finds the row whose title another tool changed", out)
    code, _, err = articles(binary, "delete", "--db", path, "2")
    check(code == 1 and "check --repair" in err, "deleting the changed row before repair is refused with what to run", err)
    code, _, err = articles(binary, "check", "--db", path, "--repair", "--quiet")
    check(code == 0, "check --repair repairs it", err)
    code, out, _ = articles(binary, "search", "--db", path, "--format", "json", "الزلازل")
    check([hit["id"] for hit in json.loads(out)] == [2], "the new title is searchable after repair", out)
    rows = list(db["articles"].search("الزلازل"))
    check([row["id"] for row in rows] == [2], "and found by sqlite-utils search as written", str(rows)[:200])

    # sqlite-utils' own FTS rebuild works on our index (external content).
    db["articles"].rebuild_fts()
    db.conn.commit()
    code, out, _ = articles(binary, "check", "--db", path)
    check(code == 0, "after sqlite-utils rebuild-fts the store checks healthy", out)

    # enable-counts adds triggers on our tables: writes are refused with the message, reads work.
    db.enable_counts()
    reading_commands_work(binary, path, "with sqlite-utils counts triggers")
    code, _, err = articles(binary, "ingest", "--db", path, seeds)
    check(code == 1 and "DROP TRIGGER" in err and "reading works" in err, "with counts triggers: ingest refused with the SQL to drop them", err)
    code, _, err = articles(binary, "delete", "--db", path, "2")
    check(code == 1 and "DROP TRIGGER" in err, "with counts triggers: delete refused the same way", err)
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute('DROP TRIGGER "%s"' % name)
    db.conn.commit()
    code, _, err = articles(binary, "delete", "--db", path, "2")
    check(code == 0, "after dropping the triggers, writing works again", err)

    # Datasette's search box, through its Python API, on the file's own FTS table.
    from datasette.app import Datasette

    async def search(word):
        response = await Datasette([path]).client.get("/" + path.split("/")[-1][:-7] + "/articles.json?_search=" + word + "&_shape=array")
        return response.status_code, response.json()

    status, rows = asyncio.run(search("ريابكوف"))
    check(status == 200, "Datasette's search box runs on the store", str(rows)[:200])
    # Words typed as written, with ال or hamza, find their articles (stems alone did not).
    for word in ("التعاون", "إيران", "إلى"):
        status, rows = asyncio.run(search(word))
        check(status == 200 and len(rows) >= 1 and all(word in (row["title"] or "") + row["body"] for row in rows),
              "Datasette's search box finds " + word + " as written", str(rows)[:200])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
