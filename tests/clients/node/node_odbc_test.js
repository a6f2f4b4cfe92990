'use strict';
// The Node.js `odbc` package (a native addon over unixODBC, installed by tests/clients/node/install-deps.sh)
// against the sandbox DSN: tables(), columns(), query() with and without parameters, and a prepared
// statement; values compared with the sandbox's seeded data set.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const odbc = require('odbc');

const runDir = process.env.MONDAY_TEST_RUN_DIR;
if (!runDir) throw new Error('run through ctest');
const dataset = JSON.parse(fs.readFileSync(path.join(runDir, 'dataset.json'), 'utf8'));
const byId = (a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0);
const boards = [...dataset.boards].sort(byId);
const users = [...dataset.users].sort(byId);
const activeItems = (board) => board.items.filter((i) => i.state === 'active').sort(byId);
const SQL_BIGINT = -5, SQL_WVARCHAR = -9, SQL_TYPE_TIMESTAMP = 93;

let checks = 0;
async function step(what, fn) {
  await fn();
  checks++;
  console.log(`ok - ${what}`);
}

async function main() {
  const connection = await odbc.connect('DSN=monday-sandbox');
  try {
    await step('tables() lists the core tables; a pattern narrows it', async () => {
      const names = new Set((await connection.tables(null, null, null, null)).map((r) => r.TABLE_NAME));
      for (const t of ['Boards', 'Columns', 'Groups', 'Items', 'Users', 'Workspaces']) assert.ok(names.has(t), `missing ${t}`);
      const only = (await connection.tables(null, null, 'Board%', null)).map((r) => r.TABLE_NAME);
      assert.ok(only.includes('Boards') && !only.includes('Users'), `pattern Board%: ${only}`);
    });

    await step('columns() describes Boards with SQL types in ordinal order', async () => {
      const rows = await connection.columns(null, null, 'Boards', null);
      const byName = Object.fromEntries(rows.map((r) => [r.COLUMN_NAME, r]));
      assert.equal(byName.id.DATA_TYPE, SQL_BIGINT);
      assert.equal(byName.name.DATA_TYPE, SQL_WVARCHAR);
      assert.equal(byName.created_at.DATA_TYPE, SQL_TYPE_TIMESTAMP);
      assert.deepEqual(rows.map((r) => r.ORDINAL_POSITION), rows.map((_, i) => i + 1));
    });

    await step('query() reads every board with its name (non-ASCII included)', async () => {
      const rows = await connection.query('SELECT id, name, created_at FROM Boards ORDER BY id');
      assert.deepEqual(rows.columns.map((c) => c.name), ['id', 'name', 'created_at']);
      assert.equal(rows.columns[0].dataType, SQL_BIGINT);
      // The package returns BIGINT as a JS number or string depending on its size; compare as text.
      assert.deepEqual(rows.map((r) => String(r.id)), boards.map((b) => b.id));
      assert.deepEqual(rows.map((r) => r.name), boards.map((b) => b.name));
      const created = boards[0].created_at.replace('T', ' ').replace(/Z$/, '');
      assert.ok(String(rows[0].created_at).startsWith(created), `created_at ${rows[0].created_at} vs ${created}`);
    });

    await step('query() reads users', async () => {
      const rows = await connection.query('SELECT id, email, status FROM Users ORDER BY id');
      assert.deepEqual(rows.map((r) => [String(r.id), r.email, r.status]), users.map((u) => [u.id, u.email, u.status]));
    });

    await step('query() with a parameter reads one board\'s items', async () => {
      const board = boards.find((b) => b.name.startsWith('Équipe'));
      const want = activeItems(board).map((i) => [i.id, i.name]);
      assert.ok(want.length > 0);
      const rows = await connection.query('SELECT id, name FROM Items WHERE board_id = ? ORDER BY id', [board.id]);
      assert.deepEqual(rows.map((r) => [String(r.id), r.name]), want);
    });

    await step('a prepared statement with a Unicode parameter finds each non-ASCII user', async () => {
      const nonAscii = users.filter((u) => /[^\x00-\x7f]/.test(u.name));
      assert.ok(nonAscii.length >= 3);
      for (const user of nonAscii) {
        const statement = await connection.createStatement();
        await statement.prepare('SELECT name, email FROM Users WHERE name = ?');
        await statement.bind([user.name]);
        const rows = await statement.execute();
        await statement.close();
        assert.deepEqual(rows.map((r) => [r.name, r.email]), [[user.name, user.email]]);
      }
    });

    await step('a number compared with a parameter compares as a number (1 = ?)', async () => {
      // The package describes the marker with SQLDescribeParam and binds the JS number it was
      // given; as text it used to compare 1 with '1' and find no row.
      const rows = await connection.query('SELECT COUNT(*) AS n FROM Boards WHERE 1 = ?', [1]);
      assert.equal(Number(rows[0].n), boards.length);
      const none = await connection.query('SELECT COUNT(*) AS n FROM Boards WHERE 1 = ?', [2]);
      assert.equal(Number(none[0].n), 0);
      const text = await connection.query('SELECT COUNT(*) AS n FROM Boards WHERE 1 = ?', ['1']);
      assert.equal(Number(text[0].n), boards.length);
    });

    await step('an unknown table rejects with SQLSTATE 42S02', async () => {
      await assert.rejects(connection.query('SELECT * FROM NoSuchTable'),
        (error) => error.odbcErrors && error.odbcErrors.some((e) => e.state === '42S02'));
    });
  } finally {
    await connection.close();
  }
  console.log(`node odbc client test passed (${checks} checks)`);
}

main().catch((error) => {
  console.error('FAIL:', error && error.odbcErrors ? JSON.stringify(error.odbcErrors) : '', error);
  process.exit(1);
});
