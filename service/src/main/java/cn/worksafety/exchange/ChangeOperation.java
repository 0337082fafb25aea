package cn.worksafety.exchange;

/** What a change did to its record: created or changed it (UPSERT), or removed it (DELETE). */
public enum ChangeOperation {
    UPSERT,
    DELETE
}
