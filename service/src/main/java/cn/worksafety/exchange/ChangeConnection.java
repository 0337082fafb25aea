package cn.worksafety.exchange;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.PageInfo;

/** A page of the change feed: the changes after a cursor, in commit order, and the cursor to ask from next. */
public record ChangeConnection(@NonNull List<@NonNull ChangeEdge> edges, @NonNull PageInfo pageInfo) {

    public record ChangeEdge(@NonNull String cursor, @NonNull Change node) {
    }
}
