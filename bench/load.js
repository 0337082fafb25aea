// Load driver of bench/load.sh: mixed readers and writers against a running service.
//   node load.js URL SECONDS READERS WRITERS PID
// Needs Node.js 18+ (global fetch), nothing from npm. Tokens come from local mode's /local/token.
// Prints throughput, p50/p99 latency per operation, errors by code (INTERNAL must stay 0) and the
// service process's maximum RSS, sampled every 500 ms.
"use strict";
const fs = require("fs");

const [url, seconds, readers, writers, pid] = process.argv.slice(2);
const until = Date.now() + Number(seconds) * 1000;

async function token(roles, unit) {
  const r = await fetch(url + "/local/token", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ roles, unit }) });
  return (await r.json()).access_token;
}

async function gql(tok, query, variables) {
  const r = await fetch(url + "/graphql", { method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + tok },
    body: JSON.stringify({ query, variables }) });
  const status = r.status;
  const text = await r.text();
  let json;
  try { json = JSON.parse(text); } catch (e) { return { code: "HTTP_" + status }; }
  if (json.errors && json.errors.length) return { code: (json.errors[0].extensions || {}).code || "NO_CODE", json };
  return { json };
}

const stats = {}; // op -> { latencies: [], errors: {code: n} }
function record(op, ms, code) {
  const s = stats[op] || (stats[op] = { latencies: [], errors: {} });
  s.latencies.push(ms);
  if (code) s.errors[code] = (s.errors[code] || 0) + 1;
}
async function timed(op, fn) {
  const start = process.hrtime.bigint();
  let code;
  try { code = (await fn()).code; } catch (e) { code = "CLIENT_" + (e.cause && e.cause.code || e.name); }
  record(op, Number(process.hrtime.bigint() - start) / 1e6, code);
}

let maxRss = 0;
function sampleRss() {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
    if (kb > maxRss) maxRss = kb;
  } catch (e) { /* process gone: reported by the shell script */ }
}

function pct(sorted, p) { return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0; }

(async () => {
  const admin = await token(["admin"]);
  const units = (await gql(admin, "{ units(first: 100) { edges { node { id code region { code } } } } }")).json.data.units.edges.map(e => e.node);
  const lists = (await gql(admin, "{ responsibilityLists { id issuer { code } } }")).json.data.responsibilityLists;
  if (!units.length || !lists.length) throw new Error("no sample data: run in local mode");
  const unit = units[0];
  const viewer = await token(["viewer"], unit.code);
  // A viewer of the first list's issuer sees that list (and its region's units and alerts).
  const listViewer = await token(["viewer"], lists[0].issuer.code);
  const editor = await token(["admin"]);
  const listItems = (await gql(admin, "query($id: ID!) { responsibilityList(id: $id) { items(first: 50) { edges { node { id } } } } }",
    { id: lists[0].id })).json.data.responsibilityList.items.edges.map(e => e.node.id);

  const reads = [
    ["read list items+assignments+units", () => gql(listViewer,
      "query($id: ID!) { responsibilityList(id: $id) { title items(first: 50) { edges { node { id title status assignments { role unit { code name region { name } } } } } } } }",
      { id: lists[0].id })],
    ["read units page", () => gql(viewer, "{ units(first: 50) { totalCount edges { node { code name kind region { code name } } } } }")],
    ["read alerts", () => gql(viewer, "{ alerts(first: 20) { totalCount edges { node { kind status message } } } }")],
  ];
  let n = 0;
  const writes = [
    ["write createUnit", () => gql(editor, "mutation($i: UnitInput!) { createUnit(input: $i) { id } }",
      { i: { code: `LOAD-${process.pid}-${n++}`, name: "Load unit", kind: "ENTERPRISE", regionCode: unit.region.code } })],
    ["write updateResponsibility (read version, update)", async () => {
      const id = listItems[Math.floor(Math.random() * Math.min(5, listItems.length))];
      const item = (await gql(editor, "query($id: ID!) { responsibility(id: $id) { number title content version deadline { kind dueOn } assignments { role unit { id } } } }", { id })).json;
      if (!item) return { code: "READ_FAILED" };
      const r = item.data.responsibility;
      return gql(editor, "mutation($id: ID!, $v: Int!, $i: ResponsibilityInput!) { updateResponsibility(id: $id, version: $v, input: $i) { version } }",
        { id, v: r.version, i: { number: r.number, title: r.title.replace(/ \(load \d+\)$/, "") + ` (load ${n++})`, content: r.content,
          deadline: r.deadline, assignments: r.assignments.map(a => ({ role: a.role, unitId: a.unit.id })) } });
    }],
  ];

  const rss = setInterval(sampleRss, 500);
  const started = Date.now();
  const clients = [];
  for (let i = 0; i < Number(readers); i++) clients.push((async () => {
    while (Date.now() < until) { const [op, fn] = reads[Math.floor(Math.random() * reads.length)]; await timed(op, fn); }
  })());
  for (let i = 0; i < Number(writers); i++) clients.push((async () => {
    while (Date.now() < until) { const [op, fn] = writes[i % writes.length]; await timed(op, fn); }
  })());
  await Promise.all(clients);
  clearInterval(rss);
  sampleRss();
  const elapsed = (Date.now() - started) / 1000;

  let total = 0;
  const errors = {};
  console.log(`${readers} readers + ${writers} writers for ${elapsed.toFixed(0)} s`);
  console.log("operation".padEnd(52) + "requests    req/s   p50 ms   p99 ms  errors");
  for (const [op, s] of Object.entries(stats)) {
    const sorted = s.latencies.slice().sort((a, b) => a - b);
    total += sorted.length;
    for (const [c, k] of Object.entries(s.errors)) errors[c] = (errors[c] || 0) + k;
    console.log(op.padEnd(52) + String(sorted.length).padStart(8) + (sorted.length / elapsed).toFixed(1).padStart(9)
      + pct(sorted, 0.5).toFixed(1).padStart(9) + pct(sorted, 0.99).toFixed(1).padStart(9) + "  " + JSON.stringify(s.errors));
  }
  const all = Object.values(stats).flatMap(s => s.latencies).sort((a, b) => a - b);
  console.log(`all: ${total} requests, ${(total / elapsed).toFixed(1)} req/s, p50 ${pct(all, 0.5).toFixed(1)} ms, p99 ${pct(all, 0.99).toFixed(1)} ms`);
  console.log(`errors by code: ${JSON.stringify(errors)} (INTERNAL: ${errors.INTERNAL || 0})`);
  console.log(`service max RSS: ${(maxRss / 1024).toFixed(0)} MiB`);
  process.exit(errors.INTERNAL ? 1 : 0);
})().catch(e => { console.error(e); process.exit(2); });
