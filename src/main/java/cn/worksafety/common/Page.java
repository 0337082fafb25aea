package cn.worksafety.common;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** One keyset page of rows, ready to become a Relay connection. */
public record Page<T>(List<T> items, boolean hasNextPage, long totalCount, Function<T, Cursor> cursorOf) {

    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        return items.stream().map(item -> edge.apply(cursorOf.apply(item).encode(), item)).toList();
    }

    public PageInfo pageInfo() {
        return new PageInfo(hasNextPage, items.isEmpty() ? null : cursorOf.apply(items.get(items.size() - 1)).encode());
    }
}
