package cn.worksafety.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import cn.worksafety.common.Page;
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
        Page<AuditEntry> page = entries.page(recordType, recordId, since, PageRequest.of(first, after));
        return new AuditConnection(page.edges(AuditEdge::new), page.pageInfo());
    }
}
