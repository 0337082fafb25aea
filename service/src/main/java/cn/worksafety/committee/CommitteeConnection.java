package cn.worksafety.committee;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

/** The paged sibling of an unpaged list field (common.ListQuery). */
public record CommitteeConnection(@NonNull List<@NonNull CommitteeEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record CommitteeEdge(@NonNull String cursor, @NonNull Committee node) {
    }

    static CommitteeConnection of(Page<Committee> page) {
        return new CommitteeConnection(page.edges(CommitteeEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
