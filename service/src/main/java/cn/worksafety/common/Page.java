package cn.worksafety.common;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One keyset page of rows, what a service returns for a list; the GraphQL class makes it a Relay
 * connection. Each item carries its cursor, so a page of rows can become a page of what they load.
 *
 * @param totalCount every row the filters select (all pages); -1 for a list that has no totalCount
 */
public record Page<T>(List<T> items, List<Cursor> cursors, boolean hasNextPage, long totalCount) {

    /**
     * The page of rows read with {@link PageRequest#limit()}, in the request's order: a row beyond
     * {@code first} only tells that there is a next page.
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, long total, Function<T, Cursor> cursorOf) {
        boolean hasNext = rows.size() > request.first();
        List<T> items = List.copyOf(hasNext ? rows.subList(0, request.first()) : rows);
        return new Page<>(items, items.stream().map(cursorOf).toList(), hasNext, total);
    }

    /** The same page (cursors, next page, total) of what each item maps to. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), cursors, hasNextPage, totalCount);
    }

    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        return java.util.stream.IntStream.range(0, items.size()).mapToObj(i -> edge.apply(cursors.get(i).encode(), items.get(i))).toList();
    }

    public PageInfo pageInfo() {
        return new PageInfo(hasNextPage, cursors.isEmpty() ? null : cursors.get(cursors.size() - 1).encode());
    }
}
