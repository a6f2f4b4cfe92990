#!/usr/bin/perl
# Perl DBI with DBD::ODBC (Debian's libdbd-odbc-perl) against the sandbox DSN: the catalog calls
# (table_info, column_info), selectall_arrayref and placeholders, values compared with the
# sandbox's seeded data set.
use strict;
use warnings;
use utf8;
use DBI qw(:sql_types);
use Encode qw(decode encode);
use JSON::PP;
use Test::More;

binmode($_, ':encoding(UTF-8)') for Test::More->builder->output, Test::More->builder->failure_output;

my $run_dir = $ENV{MONDAY_TEST_RUN_DIR} or die "run through ctest\n";
my $dataset = do {
  open(my $fh, '<:raw', "$run_dir/dataset.json") or die "dataset.json: $!\n";
  local $/;
  JSON::PP->new->utf8->decode(<$fh>);
};
my @boards = sort { $a->{id} <=> $b->{id} } @{ $dataset->{boards} };
my @users = sort { $a->{id} <=> $b->{id} } @{ $dataset->{users} };
sub active_items { grep { $_->{state} eq 'active' } @{ $_[0]->{items} } }

my $dbh = DBI->connect('dbi:ODBC:DSN=monday-sandbox', '', '', { RaiseError => 1, PrintError => 0, AutoCommit => 1 });
ok($dbh, 'connected through the DSN');
# A Unicode build of DBD::ODBC uses the W entry points and Perl character strings; Debian's uses the
# A entry points, where the driver speaks UTF-8, so text goes in encoded and comes out decoded.
my $unicode = $dbh->{odbc_has_unicode};
diag($unicode ? 'DBD::ODBC uses the W entry points' : 'DBD::ODBC uses the A entry points (UTF-8)');
sub from_db { my @v = @_; return $unicode ? @v : map { defined $_ ? decode('UTF-8', $_) : $_ } @v }
sub to_db { return $unicode ? $_[0] : encode('UTF-8', $_[0]) }

# table_info: the catalog lists the core tables.
{
  my $sth = $dbh->table_info(undef, undef, '%', undef);
  my %tables = map { $_->{TABLE_NAME} => $_ } @{ $sth->fetchall_arrayref({}) };
  for my $name (qw(Boards Columns Groups Items Users Workspaces)) {
    ok(exists $tables{$name}, "table_info lists $name");
  }
  ok(defined $tables{Boards}{TABLE_TYPE} && length $tables{Boards}{TABLE_TYPE}, 'table_info reports a TABLE_TYPE');
  # A pattern narrows the list the way DBI documents it.
  my @only = map { $_->[2] } @{ $dbh->table_info(undef, undef, 'Board%', undef)->fetchall_arrayref };
  ok((grep { $_ eq 'Boards' } @only) && !(grep { $_ eq 'Users' } @only), "table_info pattern 'Board%': @only");
}

# column_info: names, SQL types and order of the Boards table.
{
  my $rows = $dbh->column_info(undef, undef, 'Boards', '%')->fetchall_arrayref({});
  my %columns = map { $_->{COLUMN_NAME} => $_ } @$rows;
  is($columns{id}{DATA_TYPE}, SQL_BIGINT, 'Boards.id is SQL_BIGINT');
  is($columns{name}{DATA_TYPE}, SQL_WVARCHAR, 'Boards.name is SQL_WVARCHAR');
  is($columns{created_at}{DATA_TYPE}, SQL_TYPE_TIMESTAMP, 'Boards.created_at is SQL_TYPE_TIMESTAMP');
  my @positions = map { $_->{ORDINAL_POSITION} } @$rows;
  is_deeply(\@positions, [1 .. @$rows], 'column_info rows come in ordinal order');
  my $one = $dbh->column_info(undef, undef, 'Items', 'board_id')->fetchall_arrayref({});
  is(scalar @$one, 1, 'column_info with a column name returns that column only');
  is($one->[0]{DATA_TYPE}, SQL_BIGINT, 'Items.board_id is SQL_BIGINT');
}

# selectall_arrayref: every board, with its id, name (non-ASCII included) and creation time.
{
  my $rows = $dbh->selectall_arrayref('SELECT id, name, created_at FROM Boards ORDER BY id');
  is_deeply([map { $_->[0] } @$rows], [map { $_->{id} } @boards], 'board ids');
  is_deeply([map { from_db($_->[1]) } @$rows], [map { $_->{name} } @boards], 'board names, including Équipe Café ☕');
  (my $created = $boards[0]{created_at}) =~ s/T/ /;
  $created =~ s/Z$//;
  like($rows->[0][2], qr/^\Q$created\E/, "first board created_at $rows->[0][2]");

  my $by_name = $dbh->selectall_arrayref('SELECT id, email, status FROM Users ORDER BY id', { Slice => {} });
  is_deeply($by_name, [map { { id => $_->{id}, email => $_->{email}, status => $_->{status} } } @users],
            'users as hashes');
}

# Placeholders: a numeric one, bound once and executed for several boards, and a Unicode string one.
{
  my $sth = $dbh->prepare('SELECT id, name FROM Items WHERE board_id = ? ORDER BY id');
  for my $board (grep { $_->{name} =~ /Équipe|Hiring/ } @boards) {
    $sth->execute($board->{id});
    my $got = [map { [$_->[0], from_db($_->[1])] } @{ $sth->fetchall_arrayref }];
    my @want = map { [$_->{id}, $_->{name}] } sort { $a->{id} <=> $b->{id} } active_items($board);
    ok(@want > 0, "board $board->{id} has items");
    is_deeply($got, \@want, "items of board $board->{id} through a placeholder");
  }

  my $count = $dbh->prepare('SELECT COUNT(*) FROM Items WHERE board_id = ?');
  $count->bind_param(1, $boards[0]{id}, SQL_BIGINT);
  $count->execute;
  is(($count->fetchrow_array)[0], scalar(active_items($boards[0])), 'COUNT(*) with a typed placeholder');
  $count->finish;

  my @non_ascii = grep { /[^\x00-\x7f]/ } map { $_->{name} } @users;
  ok(@non_ascii >= 3, 'the sandbox seeds non-ASCII user names');
  for my $name (@non_ascii) {
    my $row = [from_db(@{ $dbh->selectrow_arrayref('SELECT name, email FROM Users WHERE name = ?', undef, to_db($name)) || [] })];
    my ($user) = grep { $_->{name} eq $name } @users;
    is_deeply($row, [$name, $user->{email}], "user '$name' found by a Unicode placeholder");
  }
}

# A statement error is a DBI error carrying the driver's SQLSTATE.
{
  my $sth = eval { $dbh->prepare('SELECT * FROM NoSuchTable')->execute; 1 };
  ok(!$sth, 'an unknown table fails');
  is($dbh->state, '42S02', 'with SQLSTATE 42S02');
}

$dbh->disconnect;
done_testing();
