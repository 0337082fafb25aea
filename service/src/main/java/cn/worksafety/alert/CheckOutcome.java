package cn.worksafety.alert;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one check found: conditions found per alert kind as of the date (whether or not their
 * alert already existed), alerts newly raised, and alerts resolved because their condition cleared.
 */
public record CheckOutcome(Map<AlertKind, Integer> found, int raised, int resolved) {

    public static CheckOutcome of(AlertKind kind, int found, int raised, int resolved) {
        Map<AlertKind, Integer> map = new EnumMap<>(AlertKind.class);
        map.put(kind, found);
        return new CheckOutcome(map, raised, resolved);
    }

    public CheckOutcome plus(CheckOutcome other) {
        Map<AlertKind, Integer> map = new EnumMap<>(AlertKind.class);
        map.putAll(found);
        other.found.forEach((kind, count) -> map.merge(kind, count, Integer::sum));
        return new CheckOutcome(map, raised + other.raised, resolved + other.resolved);
    }

    public int found(AlertKind kind) {
        return found.getOrDefault(kind, 0);
    }

    public static CheckOutcome none() {
        return new CheckOutcome(new EnumMap<>(AlertKind.class), 0, 0);
    }
}
