package cn.worksafety.alert;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public record AlertConnection(@NonNull List<@NonNull AlertEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record AlertEdge(@NonNull String cursor, @NonNull Alert node) {
    }

    static AlertConnection of(Page<Alert> page) {
        return new AlertConnection(page.edges(AlertEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
