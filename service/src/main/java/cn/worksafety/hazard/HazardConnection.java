package cn.worksafety.hazard;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public record HazardConnection(@NonNull List<@NonNull HazardEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record HazardEdge(@NonNull String cursor, @NonNull Hazard node) {
    }

    static HazardConnection of(Page<Hazard> page) {
        return new HazardConnection(page.edges(HazardEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
