package cn.worksafety.linkage;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public record LinkageActivationConnection(@NonNull List<@NonNull LinkageActivationEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull int totalCount) {

    public record LinkageActivationEdge(@NonNull String cursor, @NonNull LinkageActivation node) {
    }

    static LinkageActivationConnection of(Page<LinkageActivation> page) {
        return new LinkageActivationConnection(page.edges(LinkageActivationEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
