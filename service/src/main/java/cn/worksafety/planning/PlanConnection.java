package cn.worksafety.planning;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

/** The paged sibling of an unpaged list field (common.ListQuery). */
public record PlanConnection(@NonNull List<@NonNull PlanEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record PlanEdge(@NonNull String cursor, @NonNull Plan node) {
    }

    static PlanConnection of(Page<Plan> page) {
        return new PlanConnection(page.edges(PlanEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
