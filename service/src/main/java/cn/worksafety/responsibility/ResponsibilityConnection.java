package cn.worksafety.responsibility;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public record ResponsibilityConnection(@NonNull List<@NonNull ResponsibilityEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull int totalCount) {

    public record ResponsibilityEdge(@NonNull String cursor, @NonNull Responsibility node) {
    }

    static ResponsibilityConnection of(Page<Responsibility> page) {
        return new ResponsibilityConnection(page.edges(ResponsibilityEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
