// The account's seeded audit log and event catalogue. Deterministic: the same
// seed gives the same entries (no wall-clock time). Entries span January to
// November 2026 with every catalogue event, sign-ins dominating as in a real
// account, a few entries without a user (a reset asked for an unknown email)
// and some that share a second, so time filters meet their edge cases.

import { Rng } from '../prng.mjs';
import { ACCOUNT_ID } from '../config.mjs';

const START = Date.UTC(2026, 0, 5);
const END = Date.UTC(2026, 10, 15);

// name, description (ours), metadata keys, weight in the seeded log
const CATALOGUE = [
  ['login', 'A user signed in.', { method: 'How the user signed in: password, google or sso' }, 30],
  ['logout', 'A user signed out.', {}, 18],
  ['failed-login', 'A sign-in attempt failed.', { reason: 'Why it failed', email: 'The address that was tried' }, 8],
  ['forgot-password', 'Someone asked for a password reset from the sign-in page.', { email: 'The address given' }, 3],
  ['export-board', 'A user exported a board.', { board_id: 'Board id', board_name: 'Board name', format: 'xlsx or csv' }, 6],
  ['export-board-activity-log', "A user exported a board's activity log.", { board_id: 'Board id', board_name: 'Board name' }, 2],
  ['export-dashboard', 'A user exported a dashboard.', { dashboard_id: 'Dashboard id' }, 2],
  ['export-account-data', "An admin exported the account's data.", { scope: 'What was exported' }, 1],
  ['export-content-directory', 'An admin exported the content directory.', {}, 1],
  ['download-attachment', 'A user downloaded a file.', { asset_id: 'File id', file_name: 'File name' }, 6],
  ['user-invite', 'A user invited someone to the account.', { invited_email: 'Address invited', role: 'Role offered' }, 2],
  ['cancel-user-invite', 'A pending invitation was cancelled.', { invited_email: 'Address invited' }, 1],
  ['user-role-change', "An admin changed a user's role.", { target_user_id: 'User changed', old_role: 'Role before', new_role: 'Role after' }, 1],
  ['user-deactivated', 'An admin deactivated a user.', { target_user_id: 'User deactivated' }, 1],
  ['user-reactivated', 'An admin reactivated a user.', { target_user_id: 'User reactivated' }, 1],
  ['user-details-deleted', "An admin deleted a user's details.", { target_user_id: 'User whose details were deleted' }, 1],
  ['delete-board', 'A user deleted a board.', { board_id: 'Board id', board_name: 'Board name' }, 1],
  ['delete-workspace', 'A user deleted a workspace.', { workspace_id: 'Workspace id' }, 1],
  ['create-team', 'A user created a team.', { team_id: 'Team id', team_name: 'Team name' }, 1],
  ['delete-team', 'A user deleted a team.', { team_id: 'Team id' }, 1],
  ['add-user-to-team', 'A user was added to a team.', { team_id: 'Team id', target_user_id: 'User added' }, 2],
  ['remove-user-from-team', 'A user was removed from a team.', { team_id: 'Team id', target_user_id: 'User removed' }, 1],
  ['add-user-to-product', 'A user was given access to a monday product.', { product: 'Product kind', target_user_id: 'User' }, 1],
  ['remove-user-from-product', "A user's access to a monday product was removed.", { product: 'Product kind', target_user_id: 'User' }, 1],
  ['security-settings-change', "An admin changed the account's security settings.", { setting: 'Setting changed', old_value: 'Before', new_value: 'After' }, 1],
  ['board-broadcast-enabled', 'A user made a board viewable by a public link.', { board_id: 'Board id' }, 1],
];

export const EVENT_CATALOGUE = Object.freeze(CATALOGUE.map(([name, description, keys]) => Object.freeze({
  name, description, metadata_details: Object.freeze({ ...keys }),
})));

const CLIENTS = [
  { client_name: 'Chrome', client_version: '130.0.6723', os_name: 'Mac OS', os_version: '14.6', device_type: 'desktop', device_name: 'MacBook Pro' },
  { client_name: 'Chrome', client_version: '131.0.6778', os_name: 'Windows', os_version: '11', device_type: 'desktop', device_name: 'Windows PC' },
  { client_name: 'Firefox', client_version: '132.0', os_name: 'Ubuntu', os_version: '24.04', device_type: 'desktop', device_name: 'Linux PC' },
  { client_name: 'Safari', client_version: '18.1', os_name: 'iOS', os_version: '18.1', device_type: 'mobile', device_name: 'iPhone' },
  { client_name: 'monday.com app', client_version: '5.42.0', os_name: 'Android', os_version: '15', device_type: 'mobile', device_name: 'Pixel 8' },
  { client_name: 'Edge', client_version: '130.0.2849', os_name: 'Windows', os_version: '10', device_type: 'desktop', device_name: 'Windows PC' },
];

const userAgent = (c) => `Mozilla/5.0 (${c.os_name} ${c.os_version}; ${c.device_name}) ${c.client_name}/${c.client_version}`;

// Documentation ranges (RFC 5737/3849) so no real host is named.
const OFFICE_IPS = ['192.0.2.10', '192.0.2.11', '198.51.100.23', '198.51.100.24', '203.0.113.5', '203.0.113.6',
  '2001:db8::1a', '2001:db8::2b'];
const FOREIGN_IPS = ['203.0.113.200', '203.0.113.201', '198.51.100.250'];

function metadataFor(name, r, store, user) {
  const board = r.pick(store.boards);
  const other = r.pick(store.users);
  const team = store.teams.length ? r.pick(store.teams) : { id: 600001, name: 'Team' };
  switch (name) {
    case 'login': return { method: r.pick(['password', 'password', 'google', 'sso']) };
    case 'failed-login': return { reason: r.pick(['wrong_password', 'unknown_user', 'sso_required']), email: user ? user.email : `someone${r.int(1, 99)}@example.com` };
    case 'forgot-password': return { email: user ? user.email : `unknown${r.int(1, 99)}@example.com` };
    case 'export-board': return { board_id: String(board.id), board_name: board.name, format: r.pick(['xlsx', 'csv']) };
    case 'export-board-activity-log':
    case 'delete-board':
    case 'board-broadcast-enabled': return { board_id: String(board.id), board_name: board.name };
    case 'export-dashboard': return { dashboard_id: String(r.int(100000, 999999)) };
    case 'export-account-data': return { scope: r.pick(['all boards', 'users']) };
    case 'download-attachment': {
      const asset = store.assets.length ? r.pick(store.assets) : { id: 1, name: 'file.pdf' };
      return { asset_id: String(asset.id), file_name: asset.name };
    }
    case 'user-invite':
    case 'cancel-user-invite': return { invited_email: `candidate${r.int(1, 500)}@example.com`, role: 'member' };
    case 'user-role-change': return { target_user_id: String(other.id), old_role: 'member', new_role: r.pick(['admin', 'viewer', 'guest']) };
    case 'create-team':
    case 'delete-team': return { team_id: String(team.id), team_name: team.name };
    case 'add-user-to-team':
    case 'remove-user-from-team': return { team_id: String(team.id), target_user_id: String(other.id) };
    case 'add-user-to-product':
    case 'remove-user-from-product': return { product: r.pick(['crm', 'dev', 'service']), target_user_id: String(other.id) };
    case 'security-settings-change': return { setting: r.pick(['session_timeout', 'two_factor', 'ip_restrictions']), old_value: 'off', new_value: 'on' };
    case 'delete-workspace': return { workspace_id: String(r.pick(store.workspaces).id) };
    default:
      if (name.startsWith('user-')) return { target_user_id: String(other.id) };
      return {};
  }
}

// Newest first, as monday returns them.
export function generateAuditLog(store, seed, count = 2400) {
  const r = new Rng(seed).fork('audit-log');
  const weighted = [];
  for (const [name, , , weight] of CATALOGUE) for (let i = 0; i < weight; i++) weighted.push(name);
  const actors = store.users.filter((u) => u.status !== 'PENDING');
  const habits = new Map(actors.map((u) => [u.id, { ip: r.pick(OFFICE_IPS), client: r.pick(CLIENTS) }]));
  const entries = [];
  const span = END - START;
  for (let n = 0; n < count; n++) {
    // Spread over the whole span; every 97th entry repeats the previous second (same-time edge).
    let ms = START + Math.floor((span * n) / count) + r.int(0, 3_000_000);
    if (n % 97 === 5 && entries.length) ms = entries[entries.length - 1].ms + r.int(0, 900) - (entries[entries.length - 1].ms % 1000);
    const name = n < CATALOGUE.length ? CATALOGUE[n][0] : r.pick(weighted);
    const anonymous = (name === 'forgot-password' || name === 'failed-login') && r.chance(0.3);
    const user = anonymous ? null : r.pick(actors);
    const habit = user ? habits.get(user.id) : { ip: r.pick(FOREIGN_IPS), client: r.pick(CLIENTS) };
    const ip = name === 'failed-login' && r.chance(0.5) ? r.pick(FOREIGN_IPS) : r.chance(0.85) ? habit.ip : r.pick(OFFICE_IPS);
    const client = r.chance(0.9) ? habit.client : r.pick(CLIENTS);
    entries.push({
      ms, user_id: user ? user.id : null, event: name, ip_address: ip, user_agent: userAgent(client), ...client,
      activity_metadata: metadataFor(name, r, store, user),
    });
  }
  entries.sort((a, b) => b.ms - a.ms);
  return entries.map((e, i) => ({
    id: i + 1, timestamp: new Date(e.ms).toISOString(), ms: e.ms, account_id: ACCOUNT_ID, user_id: e.user_id,
    event: e.event, slug: store.account.slug, ip_address: e.ip_address, user_agent: e.user_agent,
    client_name: e.client_name, client_version: e.client_version, os_name: e.os_name, os_version: e.os_version,
    device_name: e.device_name, device_type: e.device_type, activity_metadata: e.activity_metadata,
  }));
}
