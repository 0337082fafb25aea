package cn.worksafety.linkage;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

/** The paged sibling of an unpaged list field (common.ListQuery). */
public record LinkageMechanismConnection(@NonNull List<@NonNull LinkageMechanismEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record LinkageMechanismEdge(@NonNull String cursor, @NonNull LinkageMechanism node) {
    }

    static LinkageMechanismConnection of(Page<LinkageMechanism> page) {
        return new LinkageMechanismConnection(page.edges(LinkageMechanismEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
