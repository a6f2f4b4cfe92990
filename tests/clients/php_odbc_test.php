<?php
// PHP's odbc extension (Debian's php-odbc, over unixODBC's ANSI entry points) against the sandbox
// DSN: odbc_tables, odbc_columns, odbc_exec + odbc_fetch_array, odbc_prepare + odbc_execute with
// parameters; values compared with the sandbox's seeded data set (UTF-8 in the A calls).
declare(strict_types=1);

$runDir = getenv('MONDAY_TEST_RUN_DIR') ?: exit("run through ctest\n");
$dataset = json_decode(file_get_contents("$runDir/dataset.json"), true, 512, JSON_THROW_ON_ERROR);
$failures = 0;

function check(bool $ok, string $what, $got = null, $want = null): void {
  global $failures;
  if ($ok) {
    echo "ok - $what\n";
    return;
  }
  $failures++;
  echo "FAIL - $what\n";
  if ($got !== null || $want !== null) {
    echo '  got:  ' . var_export($got, true) . "\n  want: " . var_export($want, true) . "\n";
  }
}

function rows($result): array {
  $rows = [];
  while (($row = odbc_fetch_array($result)) !== false) $rows[] = $row;
  odbc_free_result($result);
  return $rows;
}

$byId = fn(array $a, array $b) => (int)$a['id'] <=> (int)$b['id'];
$boards = $dataset['boards'];
usort($boards, $byId);
$users = $dataset['users'];
usort($users, $byId);
$activeItems = fn(array $board) => array_values(array_filter($board['items'], fn($i) => $i['state'] === 'active'));

$conn = odbc_connect('monday-sandbox', '', '');
if ($conn === false) {
  echo 'FAIL - connect: ' . odbc_errormsg() . "\n";
  exit(1);
}

// odbc_tables: the catalog lists the core tables; a name pattern narrows it.
$tables = array_column(rows(odbc_tables($conn)), null, 'TABLE_NAME');
foreach (['Boards', 'Columns', 'Groups', 'Items', 'Users', 'Workspaces'] as $name) {
  check(isset($tables[$name]), "odbc_tables lists $name");
}
check(($tables['Boards']['TABLE_TYPE'] ?? '') !== '', 'odbc_tables reports a TABLE_TYPE');
$only = array_column(rows(odbc_tables($conn, null, null, 'Board%')), 'TABLE_NAME');
check(in_array('Boards', $only, true) && !in_array('Users', $only, true), "odbc_tables pattern 'Board%'", $only);

// odbc_columns: SQL types and order of the Boards columns.
$columnRows = rows(odbc_columns($conn, null, null, 'Boards', '%'));
$columns = array_column($columnRows, null, 'COLUMN_NAME');
// PHP's odbc extension is an ODBC 2 application: timestamps are SQL_TIMESTAMP (11), not
// SQL_TYPE_TIMESTAMP (93), and SQLSTATEs come in their 2.x spelling.
check((int)($columns['id']['DATA_TYPE'] ?? 0) === SQL_BIGINT, 'Boards.id is SQL_BIGINT', $columns['id'] ?? null);
check((int)($columns['name']['DATA_TYPE'] ?? 0) === SQL_WVARCHAR, 'Boards.name is SQL_WVARCHAR', $columns['name'] ?? null);
check((int)($columns['created_at']['DATA_TYPE'] ?? 0) === SQL_TIMESTAMP, 'Boards.created_at is SQL_TIMESTAMP (ODBC 2)',
      $columns['created_at'] ?? null);
$positions = array_map('intval', array_column($columnRows, 'ORDINAL_POSITION'));
check($positions === range(1, count($columnRows)), 'odbc_columns rows come in ordinal order', $positions);

// odbc_exec + odbc_fetch_array: every board, names byte-for-byte UTF-8.
$result = odbc_exec($conn, 'SELECT id, name, created_at FROM Boards ORDER BY id');
check(odbc_num_fields($result) === 3 && odbc_field_name($result, 2) === 'name', 'result has the selected fields');
check(odbc_field_type($result, 1) === 'BIGINT', 'odbc_field_type of id', odbc_field_type($result, 1), 'BIGINT');
$got = rows($result);
check(array_column($got, 'id') === array_column($boards, 'id'), 'board ids', array_column($got, 'id'));
check(array_column($got, 'name') === array_column($boards, 'name'), 'board names, including Équipe Café ☕',
      array_column($got, 'name'), array_column($boards, 'name'));
$created = rtrim(str_replace('T', ' ', $boards[0]['created_at']), 'Z');
check(str_starts_with($got[0]['created_at'], $created), 'first board created_at', $got[0]['created_at'], $created);

$got = rows(odbc_exec($conn, 'SELECT id, email, status FROM Users ORDER BY id'));
$want = array_map(fn($u) => ['id' => $u['id'], 'email' => $u['email'], 'status' => $u['status']], $users);
check($got === $want, 'users', $got, $want);

// odbc_prepare + odbc_execute: one statement, executed for two boards, and a UTF-8 parameter.
$statement = odbc_prepare($conn, 'SELECT id, name FROM Items WHERE board_id = ? ORDER BY id');
foreach ($boards as $board) {
  if (!preg_match('/Équipe|Hiring/u', $board['name'])) continue;
  $items = $activeItems($board);
  usort($items, $byId);
  $want = array_map(fn($i) => ['id' => $i['id'], 'name' => $i['name']], $items);
  check(count($want) > 0, "board {$board['id']} has items");
  check(odbc_execute($statement, [$board['id']]), "odbc_execute for board {$board['id']}", odbc_errormsg($conn));
  $got = [];
  while (($row = odbc_fetch_array($statement)) !== false) $got[] = $row;
  check($got === $want, "items of board {$board['id']} through a parameter", $got, $want);
}
odbc_free_result($statement);

$byName = odbc_prepare($conn, 'SELECT name, email FROM Users WHERE name = ?');
$nonAscii = array_values(array_filter($users, fn($u) => preg_match('/[^\x00-\x7f]/', $u['name']) === 1));
check(count($nonAscii) >= 3, 'the sandbox seeds non-ASCII user names');
foreach ($nonAscii as $user) {
  check(odbc_execute($byName, [$user['name']]), "odbc_execute for '{$user['name']}'", odbc_errormsg($conn));
  $row = odbc_fetch_array($byName);
  check($row === ['name' => $user['name'], 'email' => $user['email']], "user '{$user['name']}' by a UTF-8 parameter", $row);
}
odbc_free_result($byName);

// A statement error is reported with the driver's SQLSTATE, as ODBC 2 spells 42S02.
$bad = @odbc_exec($conn, 'SELECT * FROM NoSuchTable');
check($bad === false && odbc_error($conn) === 'S0002', 'an unknown table fails with S0002', odbc_error($conn));

odbc_close($conn);
echo $failures ? "$failures check(s) failed\n" : "php odbc client test passed\n";
exit($failures ? 1 : 0);
