package cn.worksafety.common;

import org.eclipse.microprofile.graphql.NonNull;

/** Relay page info. */
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
