#!/usr/bin/env python3
"""Opens an ArticleStore file with other tools' Python APIs and checks they work on it.

Usage: python3 Tests/Interop/interop.py STORE.sqlite
Install the tools with: pip install datasette sqlite-utils
Run from the test suite (CLITests/InteropTests) when both are importable; skipped otherwise.
Prints one line per check; exits 1 on the first failure.
"""
import asyncio
import sqlite3
import sys


def check(condition, message):
    if not condition:
        print("FAIL: " + message)
        sys.exit(1)
    print("ok: " + message)


def main(path):
    # Python's sqlite3: every table and view selects; FTS5 MATCH on analyzed terms (articles_fts)
    # and on words as written (articles_words, the table other tools find).
    db = sqlite3.connect(path)
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"):
        db.execute('SELECT * FROM "%s" LIMIT 1' % name.replace('"', '""')).fetchall()
    check(True, "sqlite3: every table and view can be selected")
    hits = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ('"ريابكوف"',)).fetchall()
    check(len(hits) == 1, "sqlite3: FTS5 MATCH on an analyzed term finds the seed")

    # sqlite-utils: tables with counts, the FTS table detected, search through it.
    import sqlite_utils
    store = sqlite_utils.Database(path)
    counts = {table.name: table.count for table in store.tables}
    check(counts.get("articles") == 11, "sqlite-utils: tables --counts sees 11 articles")
    check(store["articles"].detect_fts() == "articles_words", "sqlite-utils: detects articles_words as the articles table's FTS")
    rows = list(store["articles"].search("التعاون"))
    check(len(rows) >= 2, "sqlite-utils: search(a word as written) returns articles")
    check(any("ريابكوف" in (row.get("body") or "") for row in rows), "sqlite-utils: search rows carry the original text")
    check(len(list(store["articles"].search("إيران"))) >= 1, "sqlite-utils: search(a word with hamza, as written) returns articles")
    db.execute("INSERT INTO articles_words(articles_words) VALUES ('integrity-check')")
    check(True, "sqlite3: FTS5 integrity-check passes on articles_words")

    # Datasette: the articles table page has a search box; an analyzed query finds rows.
    from datasette.app import Datasette

    async def datasette_checks():
        ds = Datasette([path])
        await ds.invoke_startup()
        name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        response = await ds.client.get("/%s/articles.json?_search=%s&_shape=objects" % (name, "التعاون"))
        check(response.status_code == 200, "datasette: /articles.json?_search= answers 200")
        data = response.json()
        check(len(data.get("rows", [])) >= 2, "datasette: _search on articles finds articles by a word as written")
        page = await ds.client.get("/%s/articles" % name)
        check('name="_search"' in page.text, "datasette: the articles table page shows a search box")
        view = await ds.client.get("/%s/article_overview.json?_shape=objects" % name)
        check(view.status_code == 200 and len(view.json().get("rows", [])) == 11, "datasette: the article_overview view lists 11 articles")

    asyncio.run(datasette_checks())


if __name__ == "__main__":
    main(sys.argv[1])
