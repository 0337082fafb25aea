// PostGraphile v4 plugin: the computed fields of the peer. PostGraphile only takes computed columns
// from the table's own schema (public, the service's), so the functions live in the benchmark's
// schema (bench_peer, peer.sql) and are attached here as SQL fragments: each is selected inside
// PostGraphile's one statement per root field, as a computed column would be.
const { makeExtendSchemaPlugin, gql, embed } = require("graphile-utils");

module.exports = makeExtendSchemaPlugin(build => {
  const { pgSql: sql } = build;
  const call = fn => embed(queryBuilder => sql.fragment`${sql.raw(fn)}(${queryBuilder.getTableAlias()})`);
  return {
    typeDefs: gql`
      extend type Responsibility {
        "Status as of today (bench_peer.responsibility_status)."
        status: String! @pgQuery(fragment: ${call("bench_peer.responsibility_status")})
      }
      extend type Indicator {
        "The observation of the latest period (bench_peer.indicator_latest)."
        latest: Observation @pgQuery(
          source: ${embed(sql.fragment`public.observation`)}
          withQueryBuilder: ${embed(queryBuilder => {
            const o = queryBuilder.getTableAlias();
            const i = queryBuilder.parentQueryBuilder.getTableAlias();
            queryBuilder.where(sql.fragment`${o}.indicator_id = ${i}.id and ${o}.period_kind = ${i}.period_kind`);
            queryBuilder.orderBy(sql.fragment`${o}.period_start`, false);
            queryBuilder.limit(1);
          })}
        )
        "MET, NOT_MET or NO_DATA (bench_peer.indicator_status)."
        status: String! @pgQuery(fragment: ${call("bench_peer.indicator_status")})
      }
    `,
  };
});
