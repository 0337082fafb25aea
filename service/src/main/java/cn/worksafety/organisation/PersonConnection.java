package cn.worksafety.organisation;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.Page;
import cn.worksafety.common.PageInfo;

public record PersonConnection(@NonNull List<@NonNull PersonEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record PersonEdge(@NonNull String cursor, @NonNull Person node) {
    }

    static PersonConnection of(Page<Person> page) {
        return new PersonConnection(page.edges(PersonEdge::new), page.pageInfo(), (int) page.totalCount());
    }
}
