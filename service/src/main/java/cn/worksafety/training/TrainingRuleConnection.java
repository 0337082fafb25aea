package cn.worksafety.training;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

/** The paged sibling of an unpaged list field (common.ListQuery). */
public record TrainingRuleConnection(@NonNull List<@NonNull TrainingRuleEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record TrainingRuleEdge(@NonNull String cursor, @NonNull TrainingRule node) {
    }

    static TrainingRuleConnection of(Page<TrainingRule> page) {
        return new TrainingRuleConnection(page.edges(TrainingRuleEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
