// Reads `jfr print --events jdk.ExecutionSample --stack-depth 64 FILE` on stdin and prints where
// the CPU samples are: the top methods by own samples (the frame on top of the stack); the same
// with JDK frames charged to their nearest non-JDK caller (who made the JDK do that work); own
// samples by library; and the share of samples with a library anywhere on the stack (in or below it).
//   usage: jfr print ... | node jfr-top.js [TOP=25]
"use strict";
const top = Number(process.argv[2] || 25);

// Library of a frame, by package prefix; the first match wins.
const libraries = [
  ["cn.worksafety.", "service code (cn.worksafety)"],
  ["org.hibernate.", "Hibernate ORM"],
  ["io.smallrye.graphql.", "SmallRye GraphQL"],
  ["graphql.", "graphql-java"],
  ["org.dataloader.", "graphql-java"],
  ["org.eclipse.yasson.", "JSON-B / JSON-P (Yasson, Parsson)"],
  ["org.eclipse.parsson.", "JSON-B / JSON-P (Yasson, Parsson)"],
  ["jakarta.json.", "JSON-B / JSON-P (Yasson, Parsson)"],
  ["com.fasterxml.jackson.", "Jackson"],
  ["org.postgresql.", "PostgreSQL JDBC"],
  ["io.agroal.", "Agroal pool"],
  ["io.vertx.", "Vert.x / Netty"],
  ["io.netty.", "Vert.x / Netty"],
  ["io.quarkus.arc.", "ArC (CDI: beans, events, contexts)"],
  ["io.quarkus.", "Quarkus"],
  ["io.smallrye.context.", "SmallRye Context Propagation"],
  ["io.smallrye.mutiny.", "Mutiny"],
  ["io.smallrye.jwt.", "token verification (jose4j, SmallRye JWT)"],
  ["org.jose4j.", "token verification (jose4j, SmallRye JWT)"],
  ["io.smallrye.", "SmallRye (other)"],
  ["org.jboss.", "JBoss (logging, threads, ArC)"],
  ["io.micrometer.", "Micrometer"],
  ["java.", "JDK"],
  ["javax.", "JDK"],
  ["jdk.", "JDK"],
  ["sun.", "JDK"],
  ["com.sun.", "JDK"],
];
const libraryOf = frame => (libraries.find(([prefix]) => frame.startsWith(prefix)) || [null, "other"])[1];

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", chunk => (input += chunk));
process.stdin.on("end", () => {
  const samples = [];
  let stack = null;
  for (const raw of input.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("stackTrace = [")) stack = [];
    else if (stack && line === "]") { samples.push(stack); stack = null; }
    else if (stack && line !== "..." && line !== "") stack.push(line.replace(/\s+line:.*$/, ""));
  }
  if (samples.length === 0) {
    console.log("   no execution samples recorded");
    return;
  }
  const count = (keyOf) => {
    const counts = new Map();
    for (const s of samples) for (const key of new Set(keyOf(s))) counts.set(key, (counts.get(key) || 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  };
  const isJdk = frame => libraryOf(frame) === "JDK";
  const nearestNonJdk = s => s.find(f => !isJdk(f)) || s[0];
  const pct = n => `${((100 * n) / samples.length).toFixed(1).padStart(5)}%`;
  console.log(`   ${samples.length} execution samples`);
  console.log(`   top ${top} methods (own samples: the method on top of the stack)`);
  count(s => s.slice(0, 1)).slice(0, top).forEach(([m, n]) => console.log(`   ${pct(n)} ${String(n).padStart(6)}  ${m}`));
  console.log(`   top ${top} methods with JDK frames charged to their nearest non-JDK caller`);
  count(s => [nearestNonJdk(s)]).slice(0, top).forEach(([m, n]) => console.log(`   ${pct(n)} ${String(n).padStart(6)}  ${m}`));
  console.log("   own samples by library");
  count(s => s.slice(0, 1).map(libraryOf)).forEach(([l, n]) => console.log(`   ${pct(n)}  ${l}`));
  console.log("   samples with the library anywhere on the stack (in it or below it; stacks cut at 64 frames)");
  count(s => s.map(libraryOf)).forEach(([l, n]) => console.log(`   ${pct(n)}  ${l}`));
});
