package cn.worksafety.common;

/**
 * How a keyset page is ordered, and so what its cursor holds after the order's prefix: by id
 * (creation order), by (updatedAt, id) for "changed since" pulls, or by a pair of ids (training
 * gaps: person, then rule). A cursor is only good for the order it was issued in.
 */
public enum KeysetOrder {
    ID("i"),
    UPDATED("u"),
    PAIR("g");

    /** The first field of an encoded cursor; fixed, since clients hold cursors across releases. */
    final String prefix;

    KeysetOrder(String prefix) {
        this.prefix = prefix;
    }
}
