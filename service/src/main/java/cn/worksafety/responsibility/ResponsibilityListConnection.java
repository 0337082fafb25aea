package cn.worksafety.responsibility;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

/** The paged sibling of an unpaged list field (common.ListQuery). */
public record ResponsibilityListConnection(@NonNull List<@NonNull ResponsibilityListEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record ResponsibilityListEdge(@NonNull String cursor, @NonNull ResponsibilityList node) {
    }

    static ResponsibilityListConnection of(Page<ResponsibilityList> page) {
        return new ResponsibilityListConnection(page.edges(ResponsibilityListEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
