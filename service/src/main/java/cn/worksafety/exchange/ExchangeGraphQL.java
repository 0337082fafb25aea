package cn.worksafety.exchange;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.security.Allowed;

@GraphQLApi
public class ExchangeGraphQL {

    /** The reason given on every deprecated updatedSince argument (policy: docs/exchange.md). */
    public static final String UPDATED_SINCE_DEPRECATION = "Deprecated: updatedSince compares a clock stamped before "
            + "commit and can miss changes of transactions that commit late; use the changes feed (Query.changes) instead. "
            + "Kept until release 1.3 and at least until 2027-06-30 (docs/exchange.md).";

    @Inject
    ChangeFeed feed;

    @Query
    @Allowed
    @Description("Every committed change the caller may see, in commit order, at least once (docs/exchange.md). Store "
            + "pageInfo.endCursor (returned even on an empty page) and ask again with after: nothing committed later is "
            + "missed, whatever the order transactions ran in. A page holds the latest change of each record in it. "
            + "first: 1 to 1000 (default 100). A cursor older than the kept deletions is refused: re-export.")
    public @NonNull ChangeConnection changes(String after, Integer first, List<RecordType> recordTypes) {
        return feed.page(after, first, recordTypes);
    }

    @Name("record")
    @Description("The record now, with the caller's scoping and masking; null for a DELETE, a record removed since, or "
            + "one the caller may not read.")
    public List<ChangedRecord> record(@Source List<Change> changes) {
        return feed.records(changes);
    }
}
