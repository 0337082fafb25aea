package cn.worksafety.exchange;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** One change of the feed (contract: Change); its record is resolved in a batch by {@link ExchangeGraphQL}. */
@Description("A committed change of one record. version is the record's version after the change (null for records "
        + "without one); a change of a child (an assignment, a participant, an attendee, a plan task) is an UPSERT of "
        + "its parent and may keep the parent's version.")
public record Change(@NonNull RecordType recordType, @NonNull @Id String recordId, @NonNull ChangeOperation operation,
        Integer version, @NonNull OffsetDateTime changedAt) {
}
