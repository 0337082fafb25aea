package cn.worksafety.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import cn.worksafety.common.Cursor;
import cn.worksafety.common.KeysetOrder;
import cn.worksafety.common.PageInfo;
import cn.worksafety.common.PageRequest;
import cn.worksafety.security.Allowed;
import cn.worksafety.security.Role;

@GraphQLApi
public class AuditGraphQL {

    @Inject
    AuditEntryRepository entries;

    public record AuditEdge(@NonNull String cursor, @NonNull AuditEntry node) {
    }

    public record AuditConnection(@NonNull List<@NonNull AuditEdge> edges, @NonNull PageInfo pageInfo) {
    }

    @Query
    @Allowed(Role.ADMIN)
    @Description("The audit trail, oldest first; admin only. Ids are numbered per record type, so name the "
            + "type (the GraphQL type name, e.g. 'Plan') with recordId to follow one record.")
    public @NonNull AuditConnection auditTrail(Integer first, String after, @Id String recordId, OffsetDateTime since,
            @Description("Only entries for this record type, e.g. 'Responsibility'.") String recordType) {
        PageRequest request = PageRequest.of(first, after);
        Long afterId = request.after() == null ? null : request.after().id();
        List<AuditEntry> rows = entries.page(afterId, recordType, recordId, since, request.first() + 1);
        boolean hasNext = rows.size() > request.first();
        List<AuditEntry> page = hasNext ? rows.subList(0, request.first()) : rows;
        List<AuditEdge> edges = page.stream()
                .map(e -> new AuditEdge(new Cursor(KeysetOrder.ID, null, e.id).encode(), e)).toList();
        return new AuditConnection(edges, new PageInfo(hasNext, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
