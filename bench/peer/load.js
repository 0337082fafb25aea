// Load driver of bench/peer/run.sh (run with NODE_PATH pointing at the temporary npm install).
//
//   node load.js shape CONFIG.json RESULTS.jsonl   one shape: checks both answers once (size, same
//                                                  values), then warm-up and alternating rounds
//                                                  service/peer/service/peer..., appends a result line
//   node load.js table RESULTS.jsonl IDLE_RSS_KB   prints the table of all shapes
//   node load.js solo CONFIG.json SECONDS          one round at the service alone (for profiling)
//   node load.js burst CONFIG.json                 fires CONFIG.concurrent requests at once at the
//                                                  service and prints what became of each
//
// CONFIG: { shape, label, connections, rounds, duration, warmup, clockTicks, postmasterPid,
//           sides: [{ name, url, headers, queryFile, pid }] } (service first, then peer).
"use strict";
const fs = require("fs");

const [mode, ...args] = process.argv.slice(2);

function body(queryFile) {
  return JSON.stringify({ query: fs.readFileSync(queryFile, "utf8") });
}

// Errors are a top-level member, before or after "data": looking at both ends of the body is
// enough and keeps the check cheap for half-megabyte answers.
function hasGraphQLErrors(text) {
  return text.slice(0, 64).includes('"errors"') || text.slice(-4096).includes('"errors"');
}

// Every scalar of the answer in document order, ignoring field names (the peer's differ: flat
// deadlineKind instead of deadline { kind }, targetValue...), numbers normalised (95.0 vs 95).
function leaves(value, out = []) {
  if (Array.isArray(value)) value.forEach(v => leaves(v, out));
  else if (value !== null && typeof value === "object") Object.values(value).forEach(v => leaves(v, out));
  else out.push(typeof value === "number" ? String(value) : JSON.stringify(value));
  return out;
}

async function post(side) {
  const started = process.hrtime.bigint();
  const response = await fetch(side.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...side.headers },
    body: body(side.queryFile),
  });
  const text = await response.text();
  return { status: response.status, text, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

function rssKb(pid) {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find(l => l.startsWith("VmRSS:"));
    return line ? parseInt(line.split(/\s+/)[1], 10) : null;
  } catch {
    return null;
  }
}

// CPU time (clock ticks) of a process, and of PostgreSQL: the postmaster, its live backends and
// the backends that have ended (the postmaster's cutime/cstime).
function ticks(pid, withChildren = false) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    const own = Number(fields[11]) + Number(fields[12]);
    return withChildren ? own + Number(fields[13]) + Number(fields[14]) : own;
  } catch {
    return 0;
  }
}

function postgresTicks(postmasterPid) {
  let total = ticks(postmasterPid, true);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
      if (Number(fields[1]) === postmasterPid) total += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// One autocannon run against one side, for `limit` = { duration: seconds } or { amount: requests };
// resolves with the counts and every response time.
function round(config, side, limit) {
  const autocannon = require("autocannon");
  return new Promise((resolve, reject) => {
    const times = [];
    let non2xx = 0;
    let graphqlErrors = 0;
    const cpuBefore = { server: ticks(side.pid), postgres: postgresTicks(config.postmasterPid) };
    const started = process.hrtime.bigint();
    const instance = autocannon(
      {
        url: side.url,
        method: "POST",
        headers: { "content-type": "application/json", ...side.headers },
        body: body(side.queryFile),
        connections: config.connections,
        ...limit,
        timeout: 120,
        requests: [{ onResponse: (status, text) => { if (status === 200 && hasGraphQLErrors(text)) graphqlErrors++; } }],
      },
      (err, result) => {
        if (err) return reject(err);
        const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({
          times,
          elapsed,
          non2xx,
          graphqlErrors,
          socketErrors: result.errors,
          timeouts: result.timeouts,
          cpuServerMs: ((ticks(side.pid) - cpuBefore.server) * 1000) / config.clockTicks,
          cpuPostgresMs: ((postgresTicks(config.postmasterPid) - cpuBefore.postgres) * 1000) / config.clockTicks,
        });
      },
    );
    instance.on("response", (client, statusCode, bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode < 200 || statusCode > 299) non2xx++;
    });
  });
}

function summarise(runs) {
  const times = runs.flatMap(r => r.times).sort((a, b) => a - b);
  const elapsed = runs.reduce((s, r) => s + r.elapsed, 0);
  const count = times.length;
  const sum = key => runs.reduce((s, r) => s + r[key], 0);
  return {
    requests: count,
    rps: count / elapsed,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    failed: sum("non2xx") + sum("graphqlErrors") + sum("socketErrors") + sum("timeouts"),
    failures: { non2xx: sum("non2xx"), graphqlErrors: sum("graphqlErrors"), socketErrors: sum("socketErrors"), timeouts: sum("timeouts") },
    cpuServerMsPerRequest: count ? sum("cpuServerMs") / count : null,
    cpuPostgresMsPerRequest: count ? sum("cpuPostgresMs") / count : null,
  };
}

const fmt = (n, digits = 0) => (n === null || n === undefined ? "-" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ms = n => (n === null ? "-" : n >= 1000 ? `${fmt(n / 1000, 2)} s` : `${fmt(n)} ms`);
const mib = kb => (kb === null || kb === undefined ? "-" : `${fmt(kb / 1024)} MiB`);

async function shape(configFile, resultsFile) {
  const config = JSON.parse(fs.readFileSync(configFile, "utf8"));
  const [service, peer] = config.sides;
  console.log(`\n== shape ${config.shape}: ${config.label}`);

  // Once per shape: both answer, without errors, with the same amount of data.
  const answers = [];
  for (const side of config.sides) {
    const answer = await post(side);
    const failed = answer.status !== 200 || hasGraphQLErrors(answer.text);
    console.log(`   ${side.name.padEnd(7)} HTTP ${answer.status}, ${fmt(answer.text.length)} chars / ${fmt(Buffer.byteLength(answer.text))} bytes, first answer in ${ms(answer.ms)}${failed ? "  FAILED: " + answer.text.slice(0, 300) : ""}`);
    if (failed) throw new Error(`shape ${config.shape}: ${side.name} did not answer it`);
    answers.push(answer);
  }
  const [a, b] = answers.map(x => leaves(JSON.parse(x.text)));
  const same = a.length === b.length && a.every((v, i) => v === b[i]);
  const firstDifference = same ? null : a.findIndex((v, i) => v !== b[i]);
  console.log(`   values: service ${fmt(a.length)}, peer ${fmt(b.length)} scalars; ${same ? "the same values in the same order" : `they differ (first at scalar ${firstDifference}: ${a[firstDifference]} vs ${b[firstDifference]})`}`);

  // A measured round sends a fixed number of requests, as many as the side answered in `duration`
  // seconds of its warm-up (a multiple of the connections, at least one each): a round by time would
  // cut off the requests in flight at its end, which for answers of several seconds is most of them.
  const limits = {};
  for (const side of config.sides) {
    limits[side.name] = { duration: config.duration };
    if (config.warmup > 0) {
      const w = summarise([await round(config, side, { duration: config.warmup })]);
      const perConnection = Math.max(1, Math.round((w.rps * config.duration) / config.connections));
      limits[side.name] = { amount: perConnection * config.connections };
      console.log(`   warm-up ${side.name.padEnd(7)} ${fmt(w.rps, 1).padStart(8)} req/s: rounds of ${limits[side.name].amount} requests`);
    }
  }
  const results = { service: [], peer: [] };
  for (let i = 1; i <= config.rounds; i++) {
    for (const side of config.sides) {
      const r = await round(config, side, limits[side.name]);
      results[side.name].push(r);
      const s = summarise([r]);
      console.log(`   round ${i} ${side.name.padEnd(7)} ${fmt(s.rps, 1).padStart(8)} req/s  p50 ${ms(s.p50).padStart(8)}  p99 ${ms(s.p99).padStart(8)}  failed ${s.failed}`);
    }
  }
  const line = {
    shape: config.shape,
    label: config.label,
    bytes: { service: Buffer.byteLength(answers[0].text), peer: Buffer.byteLength(answers[1].text) },
    sameValues: same,
    service: summarise(results.service),
    peer: summarise(results.peer),
    serviceRssKb: rssKb(service.pid),
    peerRssKb: rssKb(peer.pid),
  };
  line.ratio = line.service.rps / line.peer.rps;
  fs.appendFileSync(resultsFile, JSON.stringify(line) + "\n");
}

function table(resultsFile, idleRssKb) {
  const lines = fs.readFileSync(resultsFile, "utf8").trim().split("\n").filter(Boolean).map(l => JSON.parse(l));
  const out = [];
  out.push("| shape | service req/s | p50 | p99 | peer req/s | p50 | p99 | ratio | failed (service/peer) | service RSS after |");
  out.push("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|");
  for (const l of lines) {
    out.push(`| ${l.shape}. ${l.label} | ${fmt(l.service.rps, 1)} | ${ms(l.service.p50)} | ${ms(l.service.p99)} | ${fmt(l.peer.rps, 1)} | ${ms(l.peer.p50)} | ${ms(l.peer.p99)} | ${fmt(l.ratio, 2)} | ${l.service.failed}/${l.peer.failed} | ${mib(l.serviceRssKb)} |`);
  }
  out.push("");
  out.push(`service RSS idle (after loading, before the first shape): ${mib(Number(idleRssKb))}`);
  out.push("");
  out.push("| shape | answer bytes service / peer | same values | CPU ms per request: service JVM / its PostgreSQL | peer node / its PostgreSQL | peer RSS after |");
  out.push("|---|---|---|---|---|---:|");
  for (const l of lines) {
    out.push(`| ${l.shape} | ${fmt(l.bytes.service)} / ${fmt(l.bytes.peer)} | ${l.sameValues ? "yes" : "no"} | ${fmt(l.service.cpuServerMsPerRequest, 1)} / ${fmt(l.service.cpuPostgresMsPerRequest, 1)} | ${fmt(l.peer.cpuServerMsPerRequest, 1)} / ${fmt(l.peer.cpuPostgresMsPerRequest, 1)} | ${mib(l.peerRssKb)} |`);
  }
  const failures = lines.filter(l => l.service.failed || l.peer.failed);
  out.push("");
  out.push(failures.length === 0 ? "No request failed (non-2xx, GraphQL errors, socket errors, timeouts)." :
    "Failed requests: " + failures.map(l => `shape ${l.shape} service ${JSON.stringify(l.service.failures)} peer ${JSON.stringify(l.peer.failures)}`).join("; "));
  console.log(out.join("\n"));
}

// CONFIG.concurrent requests at once; each ends as completed (200, data, no errors), refused
// (an answer with GraphQL errors or a non-200 status) or failed (no answer: connection closed).
async function burst(configFile) {
  const config = JSON.parse(fs.readFileSync(configFile, "utf8"));
  const side = config.sides[0];
  const started = process.hrtime.bigint();
  const outcomes = await Promise.all(Array.from({ length: config.concurrent }, () =>
    post(side).then(
      a => {
        if (a.status === 200 && !hasGraphQLErrors(a.text)) return { kind: "completed", ms: a.ms, bytes: Buffer.byteLength(a.text) };
        let message = a.text.slice(0, 200);
        try { message = JSON.parse(a.text).errors.map(e => `${e.extensions?.code ?? ""} ${e.message}`).join("; "); } catch { /* not JSON */ }
        return { kind: "refused", ms: a.ms, status: a.status, message };
      },
      e => ({ kind: "failed", message: String(e.cause?.code ?? e.cause ?? e.message) }),
    )));
  const count = kind => outcomes.filter(o => o.kind === kind).length;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`   ${config.concurrent} concurrent: ${count("completed")} completed, ${count("refused")} refused with an error, ${count("failed")} got no answer; all settled after ${ms(elapsed)}`);
  const messages = [...new Set(outcomes.filter(o => o.kind !== "completed").map(o => `${o.kind}: ${o.status ? "HTTP " + o.status + " " : ""}${o.message}`))];
  messages.slice(0, 5).forEach(m => console.log(`     ${m}`));
}

async function solo(configFile, seconds) {
  const config = JSON.parse(fs.readFileSync(configFile, "utf8"));
  const s = summarise([await round(config, config.sides[0], { duration: Number(seconds) })]);
  console.log(`   service alone: ${fmt(s.rps, 1)} req/s  p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  failed ${s.failed}; CPU per request: JVM ${fmt(s.cpuServerMsPerRequest, 1)} ms, PostgreSQL ${fmt(s.cpuPostgresMsPerRequest, 1)} ms`);
}

const modes = { shape, table, solo, burst };
if (!modes[mode]) {
  console.error("usage: load.js shape CONFIG RESULTS | table RESULTS IDLE_RSS_KB | solo CONFIG SECONDS | burst CONFIG");
  process.exit(2);
}
Promise.resolve(modes[mode](...args)).catch(e => {
  console.error(`load.js ${mode}: ${e.message}`);
  process.exit(1);
});
