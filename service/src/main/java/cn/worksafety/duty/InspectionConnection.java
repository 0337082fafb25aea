package cn.worksafety.duty;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public record InspectionConnection(@NonNull List<@NonNull InspectionEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record InspectionEdge(@NonNull String cursor, @NonNull Inspection node) {
    }

    static InspectionConnection of(Page<Inspection> page) {
        return new InspectionConnection(page.edges(InspectionEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
