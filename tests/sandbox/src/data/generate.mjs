// Deterministic seeded data: the same seed and scale always give the same
// world (and so a byte-identical dataset.json). No wall-clock time is used.

import { Rng } from '../prng.mjs';
import { ACCOUNT_ID } from '../config.mjs';
import {
  PEOPLE, UTC_OFFSETS, COUNTRIES, PLACES, TIME_ZONES, TAGS, TEAMS, VERBS, NOUNS, COMPANIES, WORDS, NON_ASCII_ITEMS,
} from './fixtures.mjs';
import { defaultSettings, docUrl, isoSeconds } from './column-types.mjs';
import { textContent as text } from './doc-blocks.mjs';

const DAY = 86_400_000;
const EPOCH = Date.UTC(2026, 0, 5); // first creation date in the data
const LAST_UPDATE = Date.UTC(2026, 10, 15);

const USER_BASE = 10_000_000;
const TEAM_BASE = 600_000;
const TAG_BASE = 21_000_000;
const WS_BASE = 7_000_000;
const FOLDER_BASE = 8_000_000;
const BOARD_BASE = 5_000_000_000;
const ITEM_BASE = 9_000_000_000;
const UPDATE_BASE = 300_000_000;
const REPLY_BASE = 400_000_000;
const ASSET_BASE = 1_100_000_000;
const DOC_BASE = 12_000_000;
const VIEW_BASE = 1_000_000_000;
const WEBHOOK_BASE = 700_000_000;

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const isoMs = (ms) => new Date(ms).toISOString();

// Column layouts. [id, title, type, settings?]
const STATUS_PRIORITY = {
  labels: [
    { id: 2, color: 2, label: 'Critical', index: 0, is_done: false, is_deactivated: false },
    { id: 8, color: 8, label: 'High', index: 1, is_done: false, is_deactivated: false },
    { id: 6, color: 6, label: 'Medium', index: 2, is_done: false, is_deactivated: false },
    { id: 10, color: 10, label: 'Low', index: 3, is_done: false, is_deactivated: false },
    { id: 5, color: 5, label: '', index: 4, is_done: false, is_deactivated: false },
  ],
};
const STAGES = {
  labels: [
    { id: 0, color: 0, label: 'Negotiation', index: 2, is_done: false, is_deactivated: false },
    { id: 1, color: 1, label: 'Won', index: 3, is_done: true, is_deactivated: false },
    { id: 2, color: 2, label: 'Lost', index: 4, is_done: false, is_deactivated: false },
    { id: 3, color: 3, label: 'Lead', index: 0, is_done: false, is_deactivated: false },
    { id: 4, color: 4, label: 'Proposal', index: 1, is_done: false, is_deactivated: false },
    { id: 5, color: 5, label: '', index: 5, is_done: false, is_deactivated: false },
  ],
};
const dropdown = (labels) => ({ labels: labels.map((label, i) => ({ id: i + 1, label, is_deactivated: false })), limit_select: false });

function everythingColumns(ids) {
  return [
    ['name', 'Name', 'name'],
    ['subitems', 'Subitems', 'subtasks', { boardIds: [ids.subitemsBoard], allowMultipleItems: true, itemTypeName: 'subitem' }],
    ['person', 'Owner', 'people'],
    ['status', 'Status', 'status'],
    ['date4', 'Due date', 'date'],
    ['priority', 'Priority', 'status', STATUS_PRIORITY],
    ['text', 'Notes', 'text'],
    ['long_text', 'Description', 'long_text'],
    ['numbers', 'Budget', 'numbers', { unit: { symbol: '$', custom_unit: '', direction: 'left' } }],
    ['numeric_mkp1x2a', 'Hours', 'numbers'],
    ['dropdown', 'Category', 'dropdown', dropdown(['Marketing', 'Design', 'Engineering', 'Finance', 'Legal'])],
    ['timeline', 'Timeline', 'timeline'],
    ['week', 'Sprint week', 'week'],
    ['hour', 'Stand-up time', 'hour'],
    ['world_clock', 'Office time zone', 'world_clock'],
    ['checkbox', 'Approved', 'checkbox'],
    ['rating', 'Rating', 'rating', { max: 5 }],
    ['link', 'Spec link', 'link'],
    ['email', 'Contact email', 'email'],
    ['phone', 'Contact phone', 'phone'],
    ['location', 'Site', 'location'],
    ['country', 'Country', 'country'],
    ['color_picker', 'Brand colour', 'color_picker'],
    ['tags', 'Tags', 'tags'],
    ['files', 'Files', 'file'],
    ['monday_doc', 'Brief', 'doc'],
    ['direct_doc_mkq2', 'Direct doc', 'direct_doc'],
    ['connect_boards', 'Customer', 'board_relation', { boardIds: [ids.customers], allowMultipleItems: true }],
    ['mirror', 'Customer country', 'mirror', {
      relation_column_id: 'connect_boards', displayed_linked_columns: { [String(ids.customers)]: ['country'] },
    }],
    ['dependency', 'Depends on', 'dependency', { boardIds: [ids.tracker] }],
    ['formula', 'Budget +20%', 'formula', { formula: '{numbers} * 1.2' }],
    ['creation_log', 'Created', 'creation_log'],
    ['last_updated', 'Last updated', 'last_updated'],
    ['item_id', 'Item ID', 'item_id'],
    ['vote', 'Votes', 'vote'],
    ['progress', 'Progress', 'progress'],
    ['time_tracking', 'Time tracked', 'time_tracking'],
    ['button', 'Approve', 'button', { label: 'Approve', color: '#00c875' }],
    ['auto_number', 'Ticket #', 'auto_number'],
    ['person_legacy', 'Reviewer (legacy)', 'person'],
    ['team_legacy', 'Team (legacy)', 'team'],
    ['group_col', 'Group', 'group'],
    ['integration', 'Jira issue', 'integration'],
    ['item_assignees', 'Assignees', 'item_assignees'],
    ['unsupported', 'Legacy widget', 'unsupported'],
  ];
}

function boardPlans(ids) {
  return [
    {
      id: ids.tracker, name: 'Project Tracker', ws: 1, folder: 1, kind: 'public', items: 60,
      description: 'Every column type monday offers, on one board.',
      groups: [['topics', 'This week', 'working_orange'], ['new_group12345', 'Next week', 'bright-blue'], ['group_mkm3r1ad', 'Done', 'done-green']],
      columns: everythingColumns(ids), archived: 3, deleted: 2, subitems: ids.subitemsBoard, nameStyle: 'task',
    },
    {
      id: ids.sales, name: 'Sales Pipeline', ws: 3, folder: 4, kind: 'public', items: 80, nameStyle: 'company',
      description: 'Open deals by stage.',
      groups: [['topics', 'Q3 deals', 'working_orange'], ['group_q4', 'Q4 deals', 'bright-blue']],
      columns: [
        ['name', 'Deal', 'name'], ['status', 'Stage', 'status', STAGES], ['person', 'Owner', 'people'],
        ['deal_value', 'Deal value', 'numbers', { unit: { symbol: '€', custom_unit: '', direction: 'right' } }],
        ['date', 'Expected close', 'date'], ['dropdown', 'Source', 'dropdown', dropdown(['Inbound', 'Referral', 'Event', 'Outbound'])],
        ['email', 'Email', 'email'], ['phone', 'Phone', 'phone'], ['country', 'Country', 'country'], ['link', 'Website', 'link'],
        ['connect_boards', 'Account', 'board_relation', { boardIds: [ids.customers], allowMultipleItems: false }],
        ['mirror_mkn4', 'Account tier', 'mirror', { relation_column_id: 'connect_boards', displayed_linked_columns: { [String(ids.customers)]: ['tier'] } }],
        ['checkbox', 'Signed', 'checkbox'],
      ],
    },
    {
      id: ids.bugs, name: 'Bug Backlog', ws: 2, folder: 2, kind: 'public', items: 1250, archived: 10, nameStyle: 'bug',
      description: 'Large board: its items span several 500-item pages.',
      groups: [['topics', 'Incoming', 'grey'], ['group_triaged', 'Triaged', 'working_orange'], ['group_in_progress', 'In progress', 'bright-blue'], ['group_fixed', 'Fixed', 'done-green']],
      columns: [
        ['name', 'Bug', 'name'], ['status', 'Status', 'status'], ['priority', 'Priority', 'status', STATUS_PRIORITY],
        ['person', 'Assignee', 'people'], ['date4', 'Reported on', 'date'], ['numbers', 'Estimate (h)', 'numbers'],
        ['text_mkk7q3zr', 'Component', 'text'], ['tags', 'Tags', 'tags'], ['checkbox', 'Regression', 'checkbox'],
        ['long_text', 'Steps to reproduce', 'long_text'],
      ],
    },
    {
      id: ids.marketing, name: 'Marketing Calendar', ws: 3, folder: null, kind: 'public', items: 40, nameStyle: 'task',
      description: 'Campaigns and events.',
      groups: [['topics', 'Campaigns', 'purple'], ['group_events', 'Events', 'egg_yolk']],
      columns: [
        ['name', 'Campaign', 'name'], ['timeline', 'Flight dates', 'timeline'], ['week', 'Launch week', 'week'],
        ['hour', 'Send time', 'hour'], ['world_clock', 'Audience time zone', 'world_clock'], ['location', 'Venue', 'location'],
        ['rating', 'Impact', 'rating', { max: 5 }], ['status', 'Status', 'status'], ['person', 'Owner', 'people'], ['files', 'Assets', 'file'],
      ],
    },
    {
      id: ids.cafe, name: 'Équipe Café ☕ – Planung 2027', ws: 1, folder: null, kind: 'public', items: 15, nameStyle: 'nonascii',
      description: 'Ein Board mit Umlauten, Akzenten und Emoji.',
      groups: [['topics', 'Zu erledigen', 'working_orange'], ['group_erledigt', 'Erledigt ✓', 'done-green']],
      columns: [['name', 'Aufgabe', 'name'], ['text', 'Notiz', 'text'], ['status', 'Status', 'status'], ['date4', 'Fällig am', 'date'], ['person', 'Verantwortlich', 'people']],
    },
    {
      id: ids.exec, name: 'Executive Private', ws: 4, folder: null, kind: 'private', items: 12, nameStyle: 'task',
      description: 'Private board: only its owners and subscribers see it.', owners: [1, 4], subscribers: [1, 4, 13],
      groups: [['topics', 'Board topics', 'dark-blue']],
      columns: [['name', 'Topic', 'name'], ['status', 'Status', 'status'], ['numbers', 'Amount', 'numbers'], ['date4', 'Meeting', 'date']],
    },
    {
      id: ids.oldRoadmap, name: 'Old Roadmap 2024', ws: 2, folder: 3, kind: 'public', items: 20, state: 'archived', nameStyle: 'task',
      description: 'An archived board.',
      groups: [['topics', 'H1', 'grey'], ['group_h2', 'H2', 'grey']],
      columns: [['name', 'Initiative', 'name'], ['status', 'Status', 'status'], ['timeline', 'Timeline', 'timeline']],
    },
    {
      id: ids.hiring, name: 'Hiring', ws: 1, folder: 1, kind: 'share', items: 25, nameStyle: 'person',
      description: 'Candidates (a shareable board).',
      groups: [['topics', 'Applied', 'bright-blue'], ['group_interview', 'Interviewing', 'working_orange'], ['group_offer', 'Offer', 'done-green']],
      columns: [
        ['name', 'Candidate', 'name'], ['person', 'Interviewer', 'people'], ['date4', 'Interview', 'date'], ['status', 'Stage', 'status'],
        ['long_text', 'Notes', 'long_text'], ['files', 'CV', 'file'], ['email', 'Email', 'email'], ['phone', 'Phone', 'phone'], ['rating', 'Score', 'rating', { max: 5 }],
      ],
    },
    {
      id: ids.customers, name: 'Customer Accounts', ws: 3, folder: 4, kind: 'public', items: 30, nameStyle: 'company',
      description: 'Accounts linked from deals and projects.',
      groups: [['topics', 'Active', 'done-green'], ['group_churned', 'Churned', 'stuck-red']],
      columns: [
        ['name', 'Account', 'name'], ['country', 'Country', 'country'], ['tier', 'Tier', 'dropdown', dropdown(['Enterprise', 'Pro', 'Standard'])],
        ['numbers', 'ARR', 'numbers', { unit: { symbol: '$', custom_unit: '', direction: 'left' } }], ['email', 'Billing email', 'email'],
        ['location', 'HQ', 'location'], ['text', 'Account code', 'text'],
      ],
    },
    {
      id: ids.release, name: 'Release Plan', ws: 2, folder: 2, kind: 'public', items: 20, nameStyle: 'task',
      description: 'Dependencies, formulas and trackers.',
      groups: [['topics', 'v4.0', 'bright-blue'], ['group_v41', 'v4.1', 'purple']],
      columns: [
        ['name', 'Task', 'name'], ['status', 'Status', 'status'], ['timeline', 'Timeline', 'timeline'],
        ['dependency', 'Blocked by', 'dependency', { boardIds: [ids.release] }], ['numbers', 'Story points', 'numbers'],
        ['numbers_mkq9', 'Buffer', 'numbers'], ['formula', 'Total points', 'formula', { formula: '{numbers} + {numbers_mkq9}' }],
        ['progress', 'Progress', 'progress'], ['vote', 'Votes', 'vote'], ['time_tracking', 'Time spent', 'time_tracking'],
        ['button', 'Ship it', 'button', { label: 'Ship it', color: '#579bfc' }],
      ],
    },
  ];
}

const SUBITEM_COLUMNS = [
  ['name', 'Name', 'name'], ['person', 'Owner', 'people'], ['status', 'Status', 'status'], ['date0', 'Date', 'date'],
  ['numbers', 'Hours', 'numbers'], ['text', 'Comment', 'text'],
];

const BIG_COLUMNS = [
  ['name', 'Name', 'name'], ['status', 'Status', 'status'], ['person', 'Owner', 'people'], ['date4', 'Date', 'date'],
  ['numbers', 'Amount', 'numbers'], ['text', 'Reference', 'text'], ['dropdown', 'Region', 'dropdown', dropdown(['EMEA', 'AMER', 'APAC'])],
  ['checkbox', 'Checked', 'checkbox'], ['timeline', 'Window', 'timeline'],
];

const LOAD_COLUMNS = [['name', 'Name', 'name'], ['status', 'Status', 'status'], ['numbers', 'Value', 'numbers'], ['text', 'Note', 'text']];

class Generator {
  constructor(seed) {
    this.seed = seed;
    this.rng = new Rng(seed);
    this.nextItemId = ITEM_BASE + 1;
    this.w = {
      account: null, users: [], teams: [], tags: [], workspaces: [], folders: [], boards: [], items: new Map(),
      updates: [], replies: [], assets: [], docs: [], webhooks: [], activityLogs: new Map(),
      accountRoles: [], platformUsage: null, favorites: [], managedColumns: [], customActivities: [], timelineItems: [],
    };
  }

  userId(n) {
    return USER_BASE + n;
  }

  activeUserIds() {
    if (!this.activeIds) this.activeIds = this.w.users.filter((u) => u.status === 'ACTIVE' && u.kind !== 'view_only').map((u) => u.id);
    return this.activeIds;
  }

  build(scale) {
    this.account();
    this.roles();
    this.people();
    this.workspaces();
    this.docs();
    const ids = {
      tracker: BOARD_BASE + 1, sales: BOARD_BASE + 2, bugs: BOARD_BASE + 3, marketing: BOARD_BASE + 4, cafe: BOARD_BASE + 5,
      exec: BOARD_BASE + 6, oldRoadmap: BOARD_BASE + 7, hiring: BOARD_BASE + 8, customers: BOARD_BASE + 9, release: BOARD_BASE + 10,
      subitemsBoard: BOARD_BASE + 11, portfolio: BOARD_BASE + 12,
    };
    const plans = boardPlans(ids);
    // Linked boards first so relation cells can point at existing items.
    const order = [ids.customers, ids.tracker, ids.sales, ids.bugs, ids.marketing, ids.cafe, ids.exec, ids.oldRoadmap, ids.hiring, ids.release];
    const boards = new Map();
    for (const p of plans) boards.set(p.id, this.board(p));
    const sub = this.board({
      id: ids.subitemsBoard, name: 'Subitems of Project Tracker', ws: 1, folder: null, kind: 'public', items: 0, type: 'sub_items_board',
      description: null, groups: [['topics', 'Subitems', 'grey']], columns: SUBITEM_COLUMNS, parentBoard: ids.tracker,
    });
    boards.get(ids.tracker).subitems_board_id = sub.id;
    for (const id of order) {
      const plan = plans.find((p) => p.id === id);
      this.fillItems(boards.get(id), plan);
    }
    this.w.boards = [...plans.map((p) => boards.get(p.id)), sub].sort((a, b) => a.id - b.id);
    this.subitems(boards.get(ids.tracker), sub);
    this.updatesAndAssets();
    this.webhooks(ids);
    for (const b of this.w.boards) this.activity(b);
    this.platformUsage();
    this.favorites(ids);
    this.managedColumns();
    this.updateViewers();
    this.timeline(ids);
    this.multiLevelBoard(ids.portfolio);
    if (scale === 'large') this.large();
    return this.w;
  }

  account() {
    this.w.account = {
      id: ACCOUNT_ID, name: 'Sandbox Co', slug: 'sandbox', tier: 'enterprise', country_code: 'US',
      created_at: isoDate(Date.UTC(2021, 2, 14)), first_day_of_the_week: 'monday', is_during_trial: false, is_trial_expired: false,
      logo: null, show_timeline_weekends: true, sign_up_product_kind: 'core',
      plan: { max_users: 100, period: 'yearly', tier: 'enterprise', version: 9 },
      products: [{ id: 9_100_001, kind: 'core', tier: 'enterprise', default_workspace_id: WS_BASE + 1 }],
    };
  }

  // The account's roles: the four every account has, as monday's account-roles page lists them
  // (ids 1-4, roleType "basic_role"), and one custom role, which Enterprise plans allow.
  roles() {
    this.w.accountRoles = [
      { id: 1, name: 'admin', roleType: 'basic_role' }, { id: 2, name: 'member', roleType: 'basic_role' },
      { id: 3, name: 'view_only', roleType: 'basic_role' }, { id: 4, name: 'guest', roleType: 'basic_role' },
      { id: 1_000_017, name: 'Finance auditor', roleType: 'custom_role' },
    ];
  }

  // platform_api.daily_analytics as monday's platform-api pages describe it: usage per day over
  // the past 14 days, and the top six users and top six apps over those days. Arithmetic, not the
  // PRNG, so adding it changes no other seeded value. One app is null (AppType is nullable: an
  // app since removed).
  platformUsage() {
    const days = Array.from({ length: 14 }, (_, i) => {
      const day = LAST_UPDATE - (13 - i) * DAY;
      const weekday = new Date(day).getUTCDay();
      return { day: isoDate(day), usage: (weekday === 0 || weekday === 6 ? 1_200 : 6_400) + ((i * 7_919) % 2_300) };
    });
    const total = days.reduce((sum, d) => sum + d.usage, 0);
    const share = [0.31, 0.22, 0.14, 0.09, 0.05, 0.02];
    const users = [1, 4, 2, 7, 3, 9].map((n, i) => ({ user_id: this.userId(n), usage: Math.floor(total * share[i]) }));
    const apps = [
      [10_140_001, 'Sandbox ODBC reports'], [10_140_002, 'Slack integration'], [10_140_003, 'Jira sync'],
      [10_140_004, 'Time tracker pro'], [10_140_005, null], [10_140_006, 'Invoice robot'],
    ].map(([id, name], i) => ({
      api_app_id: id + 50_000, app: name === null ? null : { id, name, api_app_id: id + 50_000 }, usage: Math.floor(total * share[i] * 0.8),
    }));
    this.w.platformUsage = { last_updated: isoMs(LAST_UPDATE + 10 * 60_000), by_day: days, by_user: users, by_app: apps };
  }

  // Each user's favorites (the left-side Favorites list), shaped as monday's favorites page shows
  // them: the object as {id, type}, a float position, and createdAt/updatedAt that can be null.
  favorites(ids) {
    const at = (days) => isoSeconds(LAST_UPDATE - days * DAY);
    const favorite = (n, userN, type, objectId, position, created, folderId = null) => ({
      id: 14_000_000 + n, user_id: this.userId(userN), accountId: ACCOUNT_ID, object: { id: objectId, type },
      folderId, position, createdAt: created, updatedAt: created,
    });
    this.w.favorites = [
      favorite(1, 1, 'Board', ids.tracker, 65_400, at(120)),
      favorite(2, 1, 'Board', ids.sales, 65_450.5, at(90), 14_100_001),
      favorite(3, 1, 'Folder', FOLDER_BASE + 1, 65_500, at(60)),
      favorite(4, 1, 'Workspace', WS_BASE + 2, 65_600, at(30)),
      favorite(5, 1, 'Dashboard', 13_000_001, 65_700, null),
      favorite(6, 2, 'Board', ids.bugs, 65_400, at(10)),
    ];
  }

  // Account-level managed columns (API 2025-07+): a status and a dropdown column whose labels only
  // their owners may change; one of them deactivated.
  managedColumns() {
    const at = (days) => isoSeconds(LAST_UPDATE - days * DAY);
    this.w.managedColumns = [
      {
        id: '5d0a7c1e-2f4b-4e8a-9b61-0c3d2e1f4a01', title: 'Delivery status', description: 'Company-wide delivery stages.',
        type: 'status', state: 'active', revision: 3, created_by: this.userId(1), updated_by: this.userId(4),
        created_at: at(200), updated_at: at(20),
        settings_json: { labels: [
          { id: 0, label: 'Planned', color: 'bright-blue', index: 0, is_done: false },
          { id: 1, label: 'In delivery', color: 'working_orange', index: 1, is_done: false },
          { id: 2, label: 'Delivered', color: 'done-green', index: 2, is_done: true },
        ] },
      },
      {
        id: '5d0a7c1e-2f4b-4e8a-9b61-0c3d2e1f4a02', title: 'Region', description: null,
        type: 'dropdown', state: 'inactive', revision: 1, created_by: this.userId(1), updated_by: this.userId(1),
        created_at: at(150), updated_at: at(150),
        settings_json: { labels: [{ id: 1, label: 'EMEA' }, { id: 2, label: 'AMER' }, { id: 3, label: 'APAC' }] },
      },
    ];
  }

  // Who has seen each update, and through which channel (monday's viewers page names "web",
  // "mobile" and "email"). Arithmetic, not the PRNG, so no other seeded value moves; the first
  // update has 120 viewers, more than one page of viewers(limit: 100).
  updateViewers() {
    const users = this.w.users.filter((u) => u.status === 'ACTIVE').map((u) => u.id);
    const MEDIUMS = ['web', 'mobile', 'email'];
    this.w.updates.forEach((u, i) => {
      const count = i === 0 ? 120 : i % 4;
      u.viewers = Array.from({ length: count }, (_, j) => ({
        user_id: j < users.length ? users[(i * 3 + j) % users.length] : USER_BASE + 50_000 + j, medium: MEDIUMS[(i + j) % 3],
      }));
    });
  }

  // The Emails & Activities timeline of CRM items: the account's custom activity kinds, and
  // timeline items (type "activity", as monday's timeline-item page says it always is) on the
  // first Sales Pipeline items. The first item has 130, more than a page of 100. Arithmetic only.
  timeline(ids) {
    const at = (minutes) => isoSeconds(LAST_UPDATE - minutes * 60_000);
    const kinds = [['Site visit', 'LOCATION', 'GO_GREEN'], ['Demo call', 'CONFERENCE', 'CELTIC_BLUE'], ['Contract sent', 'PAPERPLANE', 'PARADISE_PINK']];
    this.w.customActivities = kinds.map(([name, icon_id, color], i) => ({
      id: `7c1e9a40-0b5d-4f3e-8a21-5d6c7e8f90a${i + 1}`, type: null, name, icon_id, color,
    }));
    const sales = this.w.boards.find((b) => b.id === ids.sales);
    const items = sales.groups.flatMap((g) => g.item_ids).map((id) => this.w.items.get(id)).filter((i) => i.state === 'active');
    const users = this.activeUserIds();
    let n = 0;
    items.slice(0, 8).forEach((item, k) => {
      const count = k === 0 ? 130 : k % 3;
      for (let j = 0; j < count; j++) {
        n += 1;
        const activity = this.w.customActivities[(k + j) % 3];
        this.w.timelineItems.push({
          id: 15_000_000 + n, type: 'activity', item_id: item.id, board_id: sales.id, user_id: users[(k + j) % users.length],
          title: `${activity.name}: ${item.name}`, content: j % 4 === 3 ? null : `<p>${activity.name} #${j + 1} with ${item.name}.</p>`,
          custom_activity_id: activity.id, created_at: at(n * 37),
        });
      }
    });
  }

  people() {
    const r = this.rng.fork('people');
    PEOPLE.forEach(([name, title, country, tz, kind, status], i) => {
      const id = this.userId(i + 1);
      const created = EPOCH - (400 - i * 13) * DAY + r.int(0, 80_000) * 1000;
      const local = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      const ascii = /^[\x20-\x7e]+$/.test(local) ? local.replace(/[^a-z ]/g, '').replace(/ /g, '.') : `user${i + 1}`;
      this.w.users.push({
        id, name, title, email: `${ascii}@sandbox-co.example`, kind, status,
        country_code: country, time_zone_identifier: tz, utc_hours_diff: UTC_OFFSETS[tz] ?? 0,
        location: null, phone: i % 3 === 0 ? `+1202555${String(100 + i).padStart(4, '0')}` : null,
        mobile_phone: i % 4 === 1 ? `+1415555${String(200 + i).padStart(4, '0')}` : null,
        birthday: i % 5 === 0 ? `199${i % 10}-0${(i % 9) + 1}-1${i % 10}` : null,
        current_language: i === 4 ? 'tr' : i === 5 ? 'zh' : 'en',
        created_at: created, became_active_at: status === 'PENDING' ? null : created + DAY,
        last_activity: status === 'ACTIVE' ? LAST_UPDATE - r.int(0, 30) * DAY : null,
        is_email_confirmed: status !== 'PENDING', invitation_method: i === 0 ? 'FIRST_USER' : 'USER',
        serial_number: i + 1, is_deleted: false, enabled: status !== 'INACTIVE', team_ids: [],
      });
    });
    TEAMS.forEach(([name, members, owners], i) => {
      const team = {
        id: TEAM_BASE + i + 1, name, user_ids: members.map((n) => this.userId(n)), owner_ids: owners.map((n) => this.userId(n)),
        picture_url: null, is_guest: false, created_at: isoMs(EPOCH - (300 - i) * DAY),
      };
      for (const uid of team.user_ids) this.w.users[uid - USER_BASE - 1].team_ids.push(team.id);
      this.w.teams.push(team);
    });
    TAGS.forEach(([name, color], i) => this.w.tags.push({ id: TAG_BASE + i + 1, name, color }));
  }

  workspaces() {
    const ws = [
      ['Main workspace', 'open', 'The account\'s default workspace.', true],
      ['Engineering', 'open', 'Product and engineering work.', false],
      ['Sales & Marketing', 'open', 'Go-to-market.', false],
      ['Leadership', 'closed', 'Closed workspace for the leadership team.', false],
    ];
    ws.forEach(([name, kind, description, isDefault], i) => {
      this.w.workspaces.push({
        id: WS_BASE + i + 1, name, kind, description, is_default_workspace: isDefault, state: 'active',
        created_at: EPOCH - (200 - i * 10) * DAY, owner_ids: [this.userId(1)],
        subscriber_ids: i === 3 ? [1, 4, 13].map((n) => this.userId(n)) : this.w.users.map((u) => u.id),
        team_ids: i === 3 ? [TEAM_BASE + 4] : i === 1 ? [TEAM_BASE + 1] : [], team_owner_ids: i === 1 ? [TEAM_BASE + 1] : [], icon_color: ['#fdab3d', '#579bfc', '#00c875', '#a25ddc'][i],
      });
    });
    const folders = [
      ['Planning', 1, null, 'BRIGHT_BLUE'],
      ['Active Projects', 2, null, 'DONE_GREEN'],
      ['Archive', 2, 2, 'NULL'],
      ['Pipelines', 3, null, 'WORKING_ORANGE'],
    ];
    folders.forEach(([name, ws, parent, color], i) => {
      this.w.folders.push({
        id: FOLDER_BASE + i + 1, name, workspace_id: WS_BASE + ws, parent_id: parent ? FOLDER_BASE + parent : null, color,
        custom_icon: 'FOLDER', font_weight: 'FONT_WEIGHT_NORMAL', owner_id: this.userId(1), created_at: EPOCH - (150 - i) * DAY,
      });
    });
  }

  docs() {
    ['Project brief', 'Launch checklist', 'Q4 plan'].forEach((name, i) => {
      const d = {
        id: DOC_BASE + i + 1, object_id: BOARD_BASE + 9001 + i, name, workspace_id: WS_BASE + 1, doc_kind: 'public',
        created_at: EPOCH + i * DAY, created_by: this.userId(1), doc_folder_id: null,
      };
      d.url = docUrl(d);
      d.blocks = this.docBlocks(d, i);
      this.w.docs.push(d);
    });
  }

  // Blocks of a doc, in document order. Content is the escaped JSON text monday returns. Drawn
  // from a generator of their own so the rest of the data does not shift.
  docBlocks(doc, n) {
    const r = new Rng((this.seed ^ (0x0d0cb10c + n)) >>> 0);
    const hex = (k) => Array.from({ length: k }, () => r.int(0, 15).toString(16)).join('');
    const uuid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
    const blocks = [];
    const add = (type, content, parent = null) => {
      const at = doc.created_at + (blocks.length + 1) * 60_000;
      const b = { id: uuid(), doc_id: doc.id, type, content, parent_block_id: parent, position: (blocks.length + 1) * 1000, created_at: at, updated_at: at, created_by: doc.created_by };
      blocks.push(b);
      return b;
    };
    add('large title', text(doc.name));
    if (n === 1) {
      // Long enough to need a second page of blocks(limit: 100).
      for (let k = 1; k <= 120; k++) add('check list', text(`Launch step ${k}`, { checked: k % 3 === 0 }));
      return blocks;
    }
    add('normal text', text(n === 0 ? 'Goals, scope and owners of the project. Überblick für das Team.' : 'Targets for the fourth quarter.'));
    add('medium title', text('Milestones'));
    for (const m of ['Kick-off', 'Beta', 'General availability']) add('bulleted list', text(m, { indentation: 0 }));
    add('divider', JSON.stringify({}));
    const table = add('table', JSON.stringify({ column_count: 2, row_count: 2 }));
    for (const cell of ['Owner', 'Avery Stone', 'Due', '2027-01-15']) add('normal text', text(cell), table.id);
    add('code', text('SELECT name FROM Items', { language: 'sql' }));
    add('quote', text('Ship small, ship often.'));
    return blocks;
  }

  board(p) {
    const r = this.rng.fork(`board-${p.id}`);
    const created = EPOCH - r.int(5, 60) * DAY;
    const columns = p.columns.map(([id, title, type, settings]) => ({
      id, title, type, description: null, width: null, archived: false,
      settings: settings ? structuredClone(settings) : defaultSettings(type),
    }));
    const board = {
      id: p.id, name: p.name, description: p.description ?? null, board_kind: p.kind, state: p.state || 'active',
      type: p.type || 'board', workspace_id: WS_BASE + p.ws, folder_id: p.folder ? FOLDER_BASE + p.folder : null,
      creator_id: this.userId(p.owners ? p.owners[0] : 1),
      owner_ids: (p.owners || [1]).map((n) => this.userId(n)),
      subscriber_ids: (p.subscribers || [1, 2, 3, 5, 7]).map((n) => this.userId(n)),
      team_owner_ids: [], team_subscriber_ids: p.kind === 'private' ? [] : [TEAM_BASE + 1],
      tag_ids: [], created_at: created, updated_at: created, permissions: 'everyone', hierarchy_type: 'classic',
      item_terminology: p.type === 'sub_items_board' ? 'subitem' : 'item', communication: null, items_limit: null,
      columns, groups: p.groups.map(([id, title, color], i) => ({
        id, title, color: labelHex(color), position: String(65536 * (i + 1)), archived: false, deleted: false, item_ids: [],
      })),
      views: [], parent_board_id: p.parentBoard || null, subitems_board_id: null, auto_number: 0,
    };
    board.views.push({
      id: VIEW_BASE + (p.id % 100_000) * 10 + 1, name: 'Main Table', type: 'table', settings: {}, filter: null, sort: null,
      filter_user_id: null, filter_team_id: null, tags: [], access_level: 'edit', source_view_id: null,
    });
    if (columns.some((c) => c.id === 'status')) {
      board.views.push({
        id: VIEW_BASE + (p.id % 100_000) * 10 + 2, name: 'Kanban', type: 'kanban', settings: { group_by: 'status' },
        filter: { rules: [{ column_id: 'status', compare_value: [0, 2], operator: 'any_of' }], operator: 'and' },
        sort: [{ column_id: 'date4', direction: 'asc' }], filter_user_id: null, filter_team_id: null, tags: ['team'],
        access_level: 'view', source_view_id: null,
      });
    }
    return board;
  }

  itemName(style, r, n) {
    switch (style) {
      case 'company':
        return n < COMPANIES.length ? COMPANIES[n] : `${r.pick(COMPANIES)} – ${r.pick(['renewal', 'expansion', 'pilot', 'upsell'])} ${n}`;
      case 'bug':
        return `${r.pick(['Crash', 'Typo', 'Timeout', 'Wrong total', 'Broken link', 'Slow load', 'Missing icon'])} in ${r.pick(NOUNS)} (#${1000 + n})`;
      case 'person':
        return `${r.pick(['Alex', 'Sam', 'Robin', 'Kai', 'Noor', 'Ines', 'Yuki', 'Omar', 'Lena', 'Tariq'])} ${r.pick(['Meyer', 'Santos', 'Cohen', 'Ivanova', 'Nakamura', 'Haddad', 'Larsen', 'Moreau'])}`;
      case 'nonascii':
        return NON_ASCII_ITEMS[n % NON_ASCII_ITEMS.length];
      default:
        return `${r.pick(VERBS)} ${r.pick(NOUNS)}`;
    }
  }

  newItem(board, group, name, r, created) {
    const updated = Math.min(LAST_UPDATE, created + r.int(0, 120) * DAY + r.int(0, 86_399) * 1000);
    const item = {
      id: this.nextItemId++, name, board_id: board.id, group_id: group.id, state: 'active', created_at: created, updated_at: updated,
      creator_id: r.pick(this.activeUserIds()), values: {}, parent_id: null, subitem_ids: [], subscriber_ids: [],
      auto_number: ++board.auto_number,
    };
    item.subscriber_ids = [item.creator_id];
    group.item_ids.push(item.id);
    this.w.items.set(item.id, item);
    return item;
  }

  fillItems(board, plan) {
    const r = this.rng.fork(`items-${board.id}`);
    const span = Math.max(1, Math.floor((Date.UTC(2026, 9, 31) - EPOCH) / 1000));
    for (let n = 0; n < plan.items; n++) {
      const group = board.groups[Math.min(board.groups.length - 1, Math.floor((n * board.groups.length) / plan.items))];
      const created = EPOCH + Math.floor((span * n) / plan.items) * 1000 + r.int(0, 3600) * 1000;
      const item = this.newItem(board, group, this.itemName(plan.nameStyle, r, n), r, created);
      for (const col of board.columns) {
        const raw = this.rawValue(col, item, board, r);
        if (raw !== undefined && raw !== null) item.values[col.id] = raw;
      }
    }
    let latest = board.created_at;
    for (const g of board.groups) for (const id of g.item_ids) latest = Math.max(latest, this.w.items.get(id).updated_at);
    board.updated_at = latest;
    // Some items are archived or deleted: monday keeps them, items_page hides them.
    const all = board.groups.flatMap((g) => g.item_ids);
    for (let k = 0; k < (plan.archived || 0); k++) this.w.items.get(all[(k * 7 + 3) % all.length]).state = 'archived';
    for (let k = 0; k < (plan.deleted || 0); k++) this.w.items.get(all[(k * 11 + 5) % all.length]).state = 'deleted';
    if (board.columns.some((c) => c.type === 'tags')) board.tag_ids = this.w.tags.slice(0, 4).map((t) => t.id);
  }

  // Deterministic cell content per column type; null/undefined = empty cell.
  rawValue(col, item, board, r) {
    const t = col.type;
    const changed = isoMs(Math.min(item.updated_at, item.created_at + r.int(0, 40) * DAY + r.int(0, 86_399_999)));
    const empty = r.chance(0.15);
    const dateIn = (from, days) => isoDate(from + r.int(0, days) * DAY);
    switch (t) {
      case 'text':
        if (empty) return r.chance(0.5) ? '' : null;
        return col.id === 'text' && board.name === 'Customer Accounts' ? `ACC-${String(item.id).slice(-4)}` : `${r.pick(WORDS)} ${r.pick(WORDS)}`;
      case 'long_text':
        return empty ? null : { text: `${r.pick(VERBS)} the ${r.pick(NOUNS)}.\nThen check the ${r.pick(WORDS)}.`, changed_at: changed };
      case 'numbers': {
        if (empty) return null;
        const v = r.chance(0.3) ? String(r.int(0, 500)) : (r.int(0, 2_000_000) / 100).toFixed(r.pick([1, 2]));
        return r.chance(0.05) ? `-${v}` : v;
      }
      case 'status': {
        if (empty) return null;
        const labels = col.settings.labels.filter((l) => l.id !== 5);
        return { index: r.pick(labels).id, post_id: null, changed_at: changed };
      }
      case 'dropdown': {
        if (empty) return null;
        const n = r.int(1, Math.min(2, col.settings.labels.length));
        const ids = r.sample(col.settings.labels.map((l) => l.id), n).sort((a, b) => a - b);
        return { ids, changed_at: changed };
      }
      case 'date': {
        if (empty) return null;
        const withTime = r.chance(0.4);
        return { date: dateIn(Date.UTC(2026, 0, 1), 450), time: withTime ? `${String(r.int(7, 18)).padStart(2, '0')}:${r.pick(['00', '15', '30', '45'])}:00` : null, changed_at: changed };
      }
      case 'timeline': {
        if (empty) return null;
        const from = Date.UTC(2026, 0, 1) + r.int(0, 420) * DAY;
        const milestone = r.chance(0.1);
        const v = { from: isoDate(from), to: isoDate(from + (milestone ? 0 : r.int(1, 45)) * DAY), changed_at: changed };
        if (milestone) v.visualization_type = 'milestone';
        return v;
      }
      case 'week': {
        if (empty) return null;
        const monday = Date.UTC(2026, 0, 5) + r.int(0, 60) * 7 * DAY;
        return { week: { startDate: isoDate(monday), endDate: isoDate(monday + 6 * DAY) } };
      }
      case 'hour':
        return empty ? null : { hour: r.int(0, 23), minute: r.pick([0, 15, 30, 45]), changed_at: changed };
      case 'world_clock':
        return empty ? null : { timezone: r.pick(TIME_ZONES), changed_at: changed };
      case 'people': {
        if (empty) return null;
        const people = r.sample(this.activeUserIds(), r.int(1, 2)).map((id) => ({ id, kind: 'person' }));
        if (r.chance(0.1)) people.push({ id: TEAM_BASE + r.int(1, 4), kind: 'team' });
        return { changed_at: changed, personsAndTeams: people };
      }
      case 'person':
        return empty ? null : { id: r.pick(this.activeUserIds()), changed_at: changed };
      case 'team':
        return empty ? null : { team_id: TEAM_BASE + r.int(1, 4), changed_at: changed };
      case 'checkbox':
        if (r.chance(0.45)) return { checked: true, changed_at: changed };
        return r.chance(0.3) ? { checked: false, changed_at: changed } : null;
      case 'rating':
        return empty ? null : { rating: r.int(1, 5), changed_at: changed };
      case 'link': {
        if (empty) return null;
        const slug = r.pick(NOUNS).replace(/ /g, '-');
        return { url: `https://docs.example.com/${slug}`, text: r.chance(0.7) ? `Spec: ${slug}` : '', changed_at: changed };
      }
      case 'email': {
        if (empty) return null;
        const who = r.pick(['ops', 'billing', 'hello', 'support', 'cto', 'anna', 'li.wei', 'jose']);
        const dom = r.pick(['acme.example', 'globex.example', 'initech.example']);
        return { email: `${who}@${dom}`, text: r.chance(0.6) ? `${who} at ${dom.split('.')[0]}` : '', changed_at: changed };
      }
      case 'phone': {
        if (empty) return null;
        const [cc, prefix] = r.pick([['US', '+1202555'], ['GB', '+4420794'], ['DE', '+4930901'], ['IL', '+9723555'], ['JP', '+8135550']]);
        return { phone: `${prefix}${String(r.int(0, 9999)).padStart(4, '0')}`, countryShortName: cc, changed_at: changed };
      }
      case 'location': {
        if (empty) return null;
        const [lat, lng, address, city, cityShort, country, countryShort] = r.pick(PLACES);
        return {
          lat, lng, address, placeId: `ChIJ${String(r.int(100000, 999999))}sandbox`,
          city: { long_name: city, short_name: cityShort }, country: { long_name: country, short_name: countryShort }, changed_at: changed,
        };
      }
      case 'country': {
        if (empty) return null;
        const [code, name] = r.pick(COUNTRIES);
        return { countryCode: code, countryName: name, changed_at: changed };
      }
      case 'color_picker': {
        if (empty) return null;
        const hex = r.pick(['#FF5AC4', '#579BFC', '#00C875', '#FDAB3D', '#9D50DD']);
        return { color: { hex, rgb: { r: parseInt(hex.slice(1, 3), 16), g: parseInt(hex.slice(3, 5), 16), b: parseInt(hex.slice(5, 7), 16), a: 1 } }, changed_at: changed };
      }
      case 'tags':
        return empty ? null : { tag_ids: r.sample(this.w.tags.map((x) => x.id), r.int(1, 3)).sort((a, b) => a - b) };
      case 'doc':
      case 'direct_doc': {
        if (r.chance(t === 'doc' ? 0.7 : 0.85)) return null;
        const d = r.pick(this.w.docs);
        return {
          files: [{ name: d.name, fileType: 'MONDAY_DOC', docId: d.id, objectId: d.object_id, linkToFile: d.url, createdAt: changed, createdBy: String(d.created_by) }],
        };
      }
      case 'board_relation': {
        if (empty || r.chance(0.2)) return null;
        const target = this.w.items;
        const pool = [...target.values()].filter((x) => col.settings.boardIds.includes(x.board_id));
        if (!pool.length) return null;
        return { ids: r.sample(pool.map((x) => x.id), col.settings.allowMultipleItems ? r.int(1, 2) : 1) };
      }
      case 'dependency': {
        // Depend on earlier items of the same board only, so there are no cycles.
        const earlier = board.groups.flatMap((g) => g.item_ids).filter((id) => id !== item.id);
        if (!earlier.length || r.chance(0.6)) return null;
        const ids = r.sample(earlier, r.int(1, Math.min(2, earlier.length)));
        return { ids, links: ids.map((id) => ({ id, type: r.int(0, 3), lag: r.chance(0.3) ? r.int(1, 5) : 0 })) };
      }
      case 'vote': {
        if (r.chance(0.4)) return null;
        return { votersIds: r.sample(this.activeUserIds(), r.int(1, 4)).sort((a, b) => a - b), changed_at: changed };
      }
      case 'time_tracking': {
        if (empty || r.chance(0.2)) return null;
        const duration = r.int(60, 40 * 3600);
        const running = r.chance(0.15);
        const start = Math.floor(Date.parse(changed) / 1000);
        return { running, startDate: start, duration, changed_at: changed, additional_value: [] };
      }
      case 'integration':
        return r.chance(0.7) ? null : { entity_id: `${10000 + r.int(0, 999)}`, issue_id: `PROJ-${r.int(1, 999)}`, issue_api_url: null };
      default:
        // subtasks, formula, mirror, logs, item_id, progress, button, auto_number, group, file (assets added later) ...
        return null;
    }
  }

  subitems(parent, sub) {
    const r = this.rng.fork('subitems');
    const group = sub.groups[0];
    for (const g of parent.groups) {
      for (const pid of g.item_ids) {
        const p = this.w.items.get(pid);
        if (!r.chance(0.4)) continue;
        const n = r.int(1, 3);
        for (let k = 0; k < n; k++) {
          const s = this.newItem(sub, group, `${r.pick(['Draft', 'Review', 'Sign-off', 'QA pass', 'Follow-up'])} – ${p.name}`, r, p.created_at + (k + 1) * 3600_000);
          s.parent_id = p.id;
          if (p.state !== 'active') s.state = p.state;
          for (const col of sub.columns) {
            const raw = this.rawValue(col, s, sub, r);
            if (raw != null) s.values[col.id] = raw;
          }
          p.subitem_ids.push(s.id);
        }
      }
    }
  }

  // A multi-level board (monday's "Working with multi-level boards" guide): items nest up to five
  // levels on the board itself, every level has the board's columns, and the subtasks column points
  // back at the board. Status and numbers are rollup columns (created with the calculated
  // capability, as on every multi-level board), so a parent's cell is computed from its children and
  // only leaves store a value. Built last and without the PRNG, so no other seeded value moves.
  multiLevelBoard(id) {
    const board = this.board({
      id, name: 'Portfolio Project', ws: 2, folder: null, kind: 'public', items: 0, nameStyle: 'task',
      description: 'A multi-level board: items, subitems and their subitems, five levels deep.',
      groups: [['topics', 'In flight', 'bright-blue'], ['group_later', 'Later', 'grey']],
      columns: [
        ['name', 'Name', 'name'], ['status', 'Status', 'status'], ['numbers', 'Budget', 'numbers'],
        ['person', 'Owner', 'people'], ['text', 'Notes', 'text'],
        ['subtasks', 'Subitems', 'subtasks', { boardIds: [id], allowMultipleItems: true, itemTypeName: 'subitem' }],
      ],
    });
    board.hierarchy_type = 'multi_level';
    for (const col of board.columns) {
      if (col.id === 'status') col.capabilities = { calculated: { function: 'COUNT_KEYS', calculated_type: null } };
      if (col.id === 'numbers') col.capabilities = { calculated: { function: 'SUM', calculated_type: null } };
    }
    this.w.boards.push(board);
    // [name, group, children] or [name, group, [], leaf values: status index, budget, owner n, notes]
    const tree = [
      ['Website relaunch', 'topics', [
        ['Design', null, [
          ['Wireframes', null, [
            ['Home page wireframe', null, [
              ['Hero section sketch', null, [], [1, 1200, 5, 'Three variants']],
            ]],
          ]],
          ['Visual style', null, [], [0, 800, 5, '']],
        ]],
        ['Build', null, [
          ['Front end', null, [], [0, 4000, 12, 'React']],
          ['Back end', null, [], [2, 3500.5, 6, null]],
        ]],
      ]],
      ['Partner programme', 'topics', [
        ['Recruit partners', null, [
          ['List potential partners', null, [], [1, 250, 7, 'From the 2026 event list']],
        ]],
      ]],
      ['Annual report', 'group_later', [], [5, 900, 4, 'Due in March']],
      ['Office move', 'group_later', [['Book movers', null, [], [0, 300, 1, null], 'archived']], [0, 1500, 1, null]],
    ];
    const created = EPOCH + 200 * DAY;
    let n = 0;
    const add = ([name, groupId, children, leaf, state], parent) => {
      const group = board.groups.find((g) => g.id === (groupId || this.w.items.get(parent.id).group_id));
      const at = created + n++ * 3_600_000;
      const item = {
        id: this.nextItemId++, name, board_id: board.id, group_id: group.id, state: state || 'active', created_at: at, updated_at: at,
        creator_id: this.userId(1), values: {}, parent_id: parent ? parent.id : null, subitem_ids: [], subscriber_ids: [this.userId(1)],
        auto_number: ++board.auto_number,
      };
      this.w.items.set(item.id, item);
      group.item_ids.push(item.id);
      if (parent) parent.subitem_ids.push(item.id);
      if (leaf) {
        const [status, budget, owner, notes] = leaf;
        const changed = isoMs(at + DAY);
        item.values.status = { index: status, post_id: null, changed_at: changed };
        item.values.numbers = String(budget);
        item.values.person = { personsAndTeams: [{ id: this.userId(owner), kind: 'person' }], changed_at: changed };
        if (notes != null) item.values.text = notes;
      }
      for (const child of children) add(child, item);
    };
    for (const top of tree) add(top, null);
    board.updated_at = created + n * 3_600_000;
  }

  updatesAndAssets() {
    const r = this.rng.fork('updates');
    const add = (a) => {
      const asset = {
        id: ASSET_BASE + this.w.assets.length + 1, account_id: ACCOUNT_ID, created_at: a.created_at, uploaded_by: a.by,
        name: a.name, file_extension: a.name.split('.').pop(), file_size: a.size, original_geometry: a.geometry || null,
        item_id: a.item_id ?? null, column_id: a.column_id ?? null, update_id: a.update_id ?? null,
      };
      this.w.assets.push(asset);
      return asset;
    };
    const fileCols = [];
    for (const b of this.w.boards) for (const c of b.columns) if (c.type === 'file') fileCols.push([b, c]);
    const names = [['spec-v2.pdf', 182_344], ['logo.png', 24_511, '400x120'], ['budget-2027.xlsx', 40_960], ['cv-jane-doe.pdf', 98_112], ['portfolio.zip', 1_245_184], ['kickoff-deck.pptx', 2_300_411]];
    names.forEach(([name, size, geometry], i) => {
      const [b, c] = fileCols[i % fileCols.length];
      const active = b.groups.flatMap((g) => g.item_ids).map((id) => this.w.items.get(id)).filter((x) => x.state === 'active');
      const item = active[(i * 5 + 1) % active.length];
      const asset = add({ name, size, geometry, created_at: item.created_at + 3600_000, by: item.creator_id, item_id: item.id, column_id: c.id });
      const cell = item.values[c.id] || { files: [] };
      cell.files.push({
        name, assetId: asset.id, isImage: geometry ? 'true' : 'false', fileType: 'ASSET',
        // monday's documented files value: createdAt in epoch milliseconds, a number (REFERENCE §11.1).
        createdAt: asset.created_at, createdBy: String(asset.uploaded_by),
      });
      item.values[c.id] = cell;
    });
    const boards = this.w.boards.filter((b) => ['Project Tracker', 'Sales Pipeline', 'Hiring', 'Bug Backlog'].includes(b.name));
    const phrases = ['Looks good to me.', 'Can we move this to next sprint?', 'Blocked on legal review.', 'Customer confirmed the date 🎉', 'Numbers updated, please re-check.', 'Übersetzung ist fertig.', 'Pinged the vendor again.'];
    let u = 0;
    let rep = 0;
    for (const b of boards) {
      const items = b.groups.flatMap((g) => g.item_ids).slice(0, 40).map((id) => this.w.items.get(id));
      for (const item of items) {
        if (!r.chance(0.35)) continue;
        const text = r.pick(phrases);
        const created = item.created_at + r.int(1, 20) * DAY;
        const update = {
          id: UPDATE_BASE + ++u, item_id: item.id, board_id: b.id, creator_id: r.pick(this.activeUserIds()), body: `<p>${escapeHtml(text)}</p>`,
          text_body: text, created_at: created, updated_at: created, edited_at: created, original_creation_date: null, reply_ids: [],
        };
        const nReplies = r.chance(0.4) ? r.int(1, 2) : 0;
        for (let k = 0; k < nReplies; k++) {
          const rt = r.pick(['Agreed.', 'On it.', 'Thanks!', 'Done ✅']);
          const at = created + (k + 1) * 3600_000;
          const reply = { id: REPLY_BASE + ++rep, update_id: update.id, creator_id: r.pick(this.activeUserIds()), body: `<p>${escapeHtml(rt)}</p>`, text_body: rt, created_at: at, updated_at: at, edited_at: at, kind: 'text' };
          this.w.replies.push(reply);
          update.reply_ids.push(reply.id);
        }
        this.w.updates.push(update);
      }
    }
    const first = this.w.updates[0];
    add({ name: 'screenshot.png', size: 88_001, geometry: '1280x720', created_at: first.created_at, by: first.creator_id, update_id: first.id });
  }

  webhooks(ids) {
    this.w.webhooks.push(
      { id: WEBHOOK_BASE + 1, board_id: ids.tracker, event: 'create_item', config: null, url: 'https://hooks.example.com/monday/create' },
      { id: WEBHOOK_BASE + 2, board_id: ids.tracker, event: 'change_specific_column_value', config: '{"columnId":"status"}', url: 'https://hooks.example.com/monday/status' },
    );
  }

  // Activity logs: one create per item and a column change for some.
  activity(board) {
    const r = this.rng.fork(`activity-${board.id}`);
    const logs = [];
    const hex = (n) => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');
    for (const g of board.groups) {
      for (const id of g.item_ids) {
        const item = this.w.items.get(id);
        logs.push(logEntry(`${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`, 'create_pulse', item.created_at, item.creator_id, board, item, null));
        const col = board.columns.find((c) => c.type === 'status');
        if (col && item.values[col.id] && r.chance(0.3)) {
          logs.push(logEntry(`${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`, 'update_column_value', item.updated_at, r.pick(this.activeUserIds()), board, item, col));
        }
      }
    }
    logs.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
    this.w.activityLogs.set(board.id, logs);
  }

  // --scale large: 1,000 small boards and one 100,000-item board.
  large() {
    const big = this.board({
      id: BOARD_BASE + 100, name: 'Big Board (100k items)', ws: 2, folder: null, kind: 'public', items: 0,
      description: 'Scale test board.', groups: [['topics', 'Batch A', 'bright-blue'], ['group_b', 'Batch B', 'purple'], ['group_c', 'Batch C', 'done-green'], ['group_d', 'Batch D', 'working_orange'], ['group_e', 'Batch E', 'grey']],
      columns: BIG_COLUMNS,
    });
    this.fillItems(big, { items: 100_000, nameStyle: 'bulk' });
    this.w.boards.push(big);
    for (let n = 1; n <= 1000; n++) {
      const b = this.board({
        id: BOARD_BASE + 1000 + n, name: `Load Board ${String(n).padStart(4, '0')}`, ws: 1 + (n % 3), folder: null, kind: 'public', items: 0,
        description: null, groups: [['topics', 'Group Title', 'grey']], columns: LOAD_COLUMNS,
      });
      this.fillItems(b, { items: 5, nameStyle: 'task' });
      this.w.boards.push(b);
    }
  }
}

function logEntry(id, event, at, userId, board, item, col) {
  const data = { board_id: board.id, group_id: item.group_id, pulse_id: item.id, pulse_name: item.name };
  if (col) Object.assign(data, { column_id: col.id, column_type: 'color', column_title: col.title });
  return { id, event, entity: 'pulse', at, user_id: userId, item_id: item.id, group_id: item.group_id, column_id: col ? col.id : null, data };
}

function labelHex(name) {
  const map = {
    working_orange: '#fdab3d', 'bright-blue': '#579bfc', 'done-green': '#00c875', grey: '#c4c4c4', purple: '#9d50dd',
    egg_yolk: '#ffcb00', 'dark-blue': '#007eb5', 'stuck-red': '#df2f4a',
  };
  return map[name] || '#579bfc';
}

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function generateWorld({ seed, scale }) {
  return new Generator(seed).build(scale);
}

export const ID_BASES = { ITEM_BASE, BOARD_BASE, UPDATE_BASE, REPLY_BASE, ASSET_BASE, TAG_BASE, WEBHOOK_BASE, USER_BASE, TEAM_BASE, VIEW_BASE };
