package cn.worksafety.common;

import java.util.ArrayList;
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
}
