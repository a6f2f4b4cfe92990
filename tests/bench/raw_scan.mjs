// Baselines for the benchmark: reads one board with items_page/next_items_page directly, with the
// same selection and page size the driver uses, and no SQL or ODBC in between.
//   NODE_EXTRA_CA_CERTS=ca.pem node raw_scan.mjs URL TOKEN BOARD_ID [PARALLEL]
// PARALLEL (default 1): 1 follows the board's one cursor chain, request after request (the plain
// way); N > 1 asks for the board's groups and follows up to N groups' chains at once (the fastest
// way monday's API allows a whole board to be read).
const [url, token, board, parallelArgument] = process.argv.slice(2);
const parallel = Math.max(1, Number(parallelArgument || 1));
const selection = 'id name board { id } group { id title } state creator_id created_at updated_at parent_item { id } url';
let requests = 0;
let inFlight = 0;
let peakInFlight = 0;

async function call(query, variables) {
  requests += 1;
  inFlight += 1;
  peakInFlight = Math.max(peakInFlight, inFlight);
  try {
    const response = await fetch(`${url}/v2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: token, 'API-Version': '2026-10' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  } finally {
    inFlight -= 1;
  }
}

// Follows one cursor chain to its end; returns the number of items read.
async function chain(queryParams) {
  const declarations = queryParams ? ', $q: ItemsQuery' : '';
  const argument = queryParams ? ', query_params: $q' : '';
  let page = (await call(`query ($b: [ID!], $l: Int!${declarations}) { boards(ids: $b) { items_page(limit: $l${argument}) { cursor items { ${selection} } } } }`,
    { b: [board], l: 500, ...(queryParams ? { q: queryParams } : {}) })).boards[0].items_page;
  let rows = page.items.length;
  while (page.cursor) {
    page = (await call(`query ($c: String!, $l: Int!) { next_items_page(cursor: $c, limit: $l) { cursor items { ${selection} } } }`,
      { c: page.cursor, l: 500 })).next_items_page;
    rows += page.items.length;
  }
  return rows;
}

const started = process.hrtime.bigint();
let rows = 0;
if (parallel === 1) {
  rows = await chain(null);
} else {
  const groups = (await call('query ($b: [ID!]) { boards(ids: $b) { groups { id } } }', { b: [board] })).boards[0].groups.map((g) => g.id);
  const queue = groups.map((id) => ({ rules: [{ column_id: 'group', compare_value: [id], operator: 'any_of' }] }));
  const worker = async () => {
    while (queue.length) {
      const read = await chain(queue.shift());
      rows += read;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ rows, requests, peak_in_flight: peakInFlight, seconds: Number(seconds.toFixed(3)), peak_rss_kb: Math.round(process.resourceUsage().maxRSS) }));
