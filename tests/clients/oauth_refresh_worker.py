"""One of the processes of the concurrent-refresh test: connects through pyodbc with
InitiateOAuth=REFRESH and a shared settings file, queries, disconnects, N times. The connection
string comes from MONDAY_OAUTH_WORKER_CONNECTION (it names the settings key). Prints one JSON
line: {"ok": n, "errors": ["SQLSTATE", ...]} (states only, never messages)."""
import json
import os
import random
import sys
import time

import pyodbc

iterations = int(sys.argv[1])
connection_string = os.environ["MONDAY_OAUTH_WORKER_CONNECTION"]
ok = 0
errors = []
for _ in range(iterations):
    try:
        with pyodbc.connect(connection_string, autocommit=True) as cn:
            row = cn.cursor().execute("SELECT name FROM Me").fetchone()
            if row and row[0] == "Avery Stone":
                ok += 1
            else:
                errors.append("wrong-row")
    except pyodbc.Error as e:
        errors.append(e.args[0] if e.args else "unknown")
    time.sleep(random.uniform(0.3, 1.2))
print(json.dumps({"ok": ok, "errors": errors}))
