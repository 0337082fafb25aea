package cn.worksafety.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Helpers of the batch loaders behind {@code @Source List<X>} fields: one query for the keys of
 * all parents, its rows lined up with the parents again.
 */
public final class Batch {

    private Batch() {
    }

    /** The keys to query: each once, nulls left out. */
    public static <K> List<K> distinct(List<K> keys) {
        return keys.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** Lines loaded rows up with the keys asked for: same order, null where a key is null or unknown. */
    public static <K, V> List<V> inOrder(List<K> keys, Collection<V> rows, Function<V, K> keyOf) {
        Map<K, V> byKey = rows.stream().collect(Collectors.toMap(keyOf, Function.identity()));
        List<V> ordered = new ArrayList<>(keys.size());
        for (K key : keys) {
            ordered.add(key == null ? null : byKey.get(key));
        }
        return ordered;
    }

    /**
     * Groups loaded child rows under the parent keys asked for: one list per key, in the keys'
     * order, empty where a key has no rows; rows keep their loaded order within a group.
     */
    public static <K, V> List<List<V>> grouped(List<K> keys, Collection<V> rows, Function<V, K> parentOf) {
        Map<K, List<V>> byParent = groupBy(rows, parentOf);
        List<List<V>> grouped = new ArrayList<>(keys.size());
        for (K key : keys) {
            grouped.add(key == null ? List.of() : byParent.getOrDefault(key, List.of()));
        }
        return grouped;
    }

    /** Rows grouped by a key, groups in the order their first row came, rows in loaded order. */
    public static <K, V> Map<K, List<V>> groupBy(Collection<V> rows, Function<V, K> keyOf) {
        Map<K, List<V>> groups = new LinkedHashMap<>();
        for (V row : rows) {
            groups.computeIfAbsent(keyOf.apply(row), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }
}
