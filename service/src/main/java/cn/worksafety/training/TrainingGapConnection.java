package cn.worksafety.training;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public record TrainingGapConnection(@NonNull List<@NonNull TrainingGapEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record TrainingGapEdge(@NonNull String cursor, @NonNull TrainingGap node) {
    }

    static TrainingGapConnection of(Page<TrainingGap> page) {
        return new TrainingGapConnection(page.edges(TrainingGapEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
