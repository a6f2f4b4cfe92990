// Defaults for every tunable number in the sandbox. Anything monday does not
// publish (complexity weights, list multipliers) lives here so it can be
// calibrated against a live account in one place (REFERENCE.md §10.3).

export const DEFAULT_LIMITS = Object.freeze({
  complexityBudget: 10_000_000, // per token per minute (personal token, paid plan)
  minuteLimit: 5_000, // requests per token per minute (Enterprise)
  dailyLimit: 25_000, // calls per account per UTC day (Enterprise, soft)
  concurrencyLimit: 250, // requests in flight per token (Enterprise)
  cursorTtlSeconds: 3_600, // items_page cursors live 60 minutes after the first request
  windowSeconds: 60, // length of the complexity-budget and minute-limit windows (tests shorten it)
  latencyMs: 0, // added to every API response (benchmarks); not to /__sandbox control calls
  latencyJitterMs: 0, // ± this much, drawn from the seeded PRNG
});

export const COMPLEXITY = Object.freeze({
  scalar: 1,
  object: 10,
  mutation: 30_000,
  fileUpload: 100_000,
  perQueryMax: 5_000_000,
  // Multiplier for list fields that take neither `ids` nor `limit`.
  defaultListMultiplier: 1,
  // Observed (2020-2022) multipliers for unbounded lists; see REFERENCE.md §10.3.
  listMultipliers: {
    'Item.subitems': 1_000,
    'Item.column_values': 1,
    'Board.groups': 1_000,
  },
  // Fields charged a fixed amount, whatever they select. `aggregate` scans a
  // board server-side and returns a handful of numbers: monday measured about
  // 110 points for one (REFERENCE.md §13.5), whatever the board's size.
  flatFields: {
    'Query.aggregate': 100,
  },
});

// Paging rules that monday documents per field.
export const PAGING = Object.freeze({
  itemsPageMax: 500,
  usersMax: 1_000,
  itemsIdsMax: 100,
  itemNameMax: 255,
});

// Calls rejected by a rate limit count as a tenth of a call toward the daily limit.
export const REJECTED_CALL_WEIGHT = 0.1;

export const ACCOUNT_ID = 9_000_001;
export const DEFAULT_SEED = 20261026;
export const PUBLIC_HOST = 'sandbox.monday.com';
