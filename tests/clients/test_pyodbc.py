"""pyodbc and pandas against the sandbox DSN (Debian's python3-pyodbc / python3-pandas)."""
import json
import os
import pathlib

import pyodbc
import pytest

RUN_DIR = pathlib.Path(os.environ["MONDAY_TEST_RUN_DIR"])
DATASET = json.loads((RUN_DIR / "dataset.json").read_text())
URL = (RUN_DIR / "url").read_text().strip()


def connect(**extra):
    return pyodbc.connect("DSN=monday-sandbox", autocommit=True, **extra)


def listed_boards():
    return DATASET["boards"]


def active_items(board):
    return [i for i in board["items"] if i["state"] == "active"]


def test_tables_are_listed():
    with connect() as cn:
        tables = {row.table_name for row in cn.cursor().tables()}
    assert {"Boards", "Columns", "Groups", "Items", "Users", "Workspaces"} <= tables


def test_columns_are_described():
    with connect() as cn:
        columns = {row.column_name: row for row in cn.cursor().columns(table="Boards")}
    assert columns["id"].data_type == pyodbc.SQL_BIGINT
    assert columns["name"].data_type == pyodbc.SQL_WVARCHAR
    assert columns["created_at"].data_type == pyodbc.SQL_TYPE_TIMESTAMP
    assert columns["name"].remarks


def test_select_types_and_values():
    with connect() as cn:
        rows = cn.cursor().execute("SELECT id, name, created_at FROM Boards ORDER BY id").fetchall()
    expected = sorted(DATASET["boards"], key=lambda b: int(b["id"]))
    assert [r.id for r in rows] == [int(b["id"]) for b in expected]
    assert [r.name for r in rows] == [b["name"] for b in expected]
    # Timestamps arrive as datetime objects, equal to monday's ISO values.
    first = rows[0].created_at
    assert first.isoformat().replace("T", " ") == expected[0]["created_at"].replace("T", " ").rstrip("Z")


def test_join_counts():
    with connect() as cn:
        rows = cn.cursor().execute(
            "SELECT b.name, COUNT(*) AS n FROM Items i JOIN Boards b ON b.id = i.board_id GROUP BY b.name"
        ).fetchall()
    expected = {}
    for b in listed_boards():
        if active_items(b):
            expected[b["name"]] = expected.get(b["name"], 0) + len(active_items(b))
    assert {r.name: r.n for r in rows} == expected


def test_parameters():
    board = max(listed_boards(), key=lambda b: len(active_items(b)))
    with connect() as cn:
        rows = cn.cursor().execute("SELECT id, name FROM Items WHERE board_id = ? ORDER BY id LIMIT 3",
                                   int(board["id"])).fetchall()
    want = sorted(active_items(board), key=lambda i: int(i["id"]))[:3]
    assert [(r.id, r.name) for r in rows] == [(int(i["id"]), i["name"]) for i in want]


def test_unicode_names_round_trip():
    names = [u["name"] for u in DATASET["users"] if any(ord(c) > 127 for c in u["name"])]
    assert names, "the sandbox seeds non-ASCII names"
    with connect() as cn:
        for name in names:
            row = cn.cursor().execute("SELECT name FROM Users WHERE name = ?", name).fetchone()
            assert row is not None and row.name == name


def test_wrong_token_is_28000_without_the_token():
    with pytest.raises(pyodbc.Error) as error:
        pyodbc.connect(f"Driver=monday;APIURL={URL}/v2;SSLServerCert={RUN_DIR / 'ca.pem'};APIToken=bad-secret-42")
    assert error.value.args[0] == "28000"
    assert "bad-secret-42" not in str(error.value)


def test_unknown_table_is_42S02():
    with connect() as cn:
        with pytest.raises(pyodbc.Error) as error:
            cn.cursor().execute("SELECT * FROM Nope")
    assert error.value.args[0] == "42S02"


def test_pandas_read_sql():
    pandas = pytest.importorskip("pandas")
    with connect() as cn:
        frame = pandas.read_sql("SELECT id, name, email, status FROM Users ORDER BY id", cn)
    assert len(frame) == len(DATASET["users"])
    assert list(frame.columns) == ["id", "name", "email", "status"]
    assert frame["id"].dtype.kind == "i"
    assert sorted(frame["email"]) == sorted(u["email"] for u in DATASET["users"])


def sandbox_reset():
    """Puts the sandbox's data back (tests that write leave it as they found it)."""
    import ssl
    import urllib.request
    context = ssl.create_default_context(cafile=str(RUN_DIR / "ca.pem"))
    request = urllib.request.Request(URL + "/__sandbox/reset", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, context=context) as answer:
        assert answer.status == 200


def test_default_connect_is_manual_commit_and_works():
    # pyodbc's default: autocommit off, set right after connecting.
    cn = pyodbc.connect("DSN=monday-sandbox")
    try:
        assert cn.autocommit is False
        assert cn.cursor().execute("SELECT COUNT(*) FROM Workspaces").fetchval() == len(DATASET["workspaces"])
        cur = cn.cursor()
        cur.execute("CREATE TEMP TABLE picked (id BIGINT)")
        cur.execute("INSERT INTO picked SELECT id FROM Boards LIMIT 2")
        cn.rollback()  # nothing reached monday: a real, successful rollback of the local table
        with pytest.raises(pyodbc.Error):
            cn.cursor().execute("SELECT * FROM picked")
        cn.commit()
    finally:
        cn.close()


def test_rollback_after_a_change_sent_to_monday_is_an_error_that_names_it():
    try:
        cn = pyodbc.connect("DSN=monday-sandbox")
        cn.cursor().execute('INSERT INTO boards."Project Tracker" (name) VALUES (?)', "pyodbc rollback")
        with pytest.raises(pyodbc.Error) as failure:
            cn.rollback()
        assert "HYC00" in str(failure.value)
        assert "cannot be undone" in str(failure.value)
        assert "1 row created in" in str(failure.value)
        # The row is in monday all the same, and the next transaction starts clean.
        assert cn.cursor().execute('SELECT COUNT(*) FROM boards."Project Tracker" WHERE name = ?',
                                   "pyodbc rollback").fetchval() == 1
        cn.rollback()
        cn.close()
    finally:
        sandbox_reset()
