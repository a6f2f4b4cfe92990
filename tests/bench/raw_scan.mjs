// Baseline for the benchmark: pages through one board with items_page/next_items_page directly,
// with the same selection and page size the driver uses, and no SQL or ODBC in between.
//   NODE_EXTRA_CA_CERTS=ca.pem node raw_scan.mjs URL TOKEN BOARD_ID
const [url, token, board] = process.argv.slice(2);
const selection = 'id name board { id } group { id title } state creator_id created_at updated_at parent_item { id } url';
async function call(query, variables) {
  const response = await fetch(`${url}/v2`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: token, 'API-Version': '2026-10' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
const started = process.hrtime.bigint();
let rows = 0;
let requests = 1;
let page = (await call(`query ($b: [ID!], $l: Int!) { boards(ids: $b) { items_page(limit: $l) { cursor items { ${selection} } } } }`,
  { b: [board], l: 500 })).boards[0].items_page;
rows += page.items.length;
while (page.cursor) {
  page = (await call(`query ($c: String!, $l: Int!) { next_items_page(cursor: $c, limit: $l) { cursor items { ${selection} } } }`,
    { c: page.cursor, l: 500 })).next_items_page;
  rows += page.items.length;
  requests += 1;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ rows, requests, seconds: Number(seconds.toFixed(3)), peak_rss_kb: Math.round(process.resourceUsage().maxRSS) }));
