package cn.worksafety.common;

/** How a keyset page is ordered: by id (creation order) or by (updatedAt, id) for "changed since" pulls. */
public enum KeysetOrder {
    ID,
    UPDATED
}
