package cn.worksafety.hazard;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public record RiskPointConnection(@NonNull List<@NonNull RiskPointEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record RiskPointEdge(@NonNull String cursor, @NonNull RiskPoint node) {
    }

    static RiskPointConnection of(Page<RiskPoint> page) {
        return new RiskPointConnection(page.edges(RiskPointEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
