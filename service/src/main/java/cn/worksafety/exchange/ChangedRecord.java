package cn.worksafety.exchange;

import io.smallrye.graphql.api.Union;

/**
 * The union of the records the change feed carries (contract: ChangedRecord). Every entity
 * named by a {@link RecordType} implements it; the interface has no members.
 */
@Union
public interface ChangedRecord {
}
