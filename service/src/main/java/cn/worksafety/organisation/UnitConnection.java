package cn.worksafety.organisation;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public record UnitConnection(@NonNull List<@NonNull UnitEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record UnitEdge(@NonNull String cursor, @NonNull Unit node) {
    }

    static UnitConnection of(Page<Unit> page) {
        return new UnitConnection(page.edges(UnitEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
