package cn.worksafety.linkage;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.worksafety.common.InvalidInput;

/**
 * A period key of RULES.md (Periods): {@code 2026}, {@code 2026-H1}, {@code 2026-Q3} or
 * {@code 2026-03}, with its first and last calendar day. Kept in this package until a shared
 * period type lands in {@code common}.
 */
public record PeriodKey(String key, LocalDate first, LocalDate last) {

    private static final Pattern KEY = Pattern.compile("^(\\d{4})(?:-(H[12]|Q[1-4]|\\d{2}))?$");

    public static PeriodKey parse(String key, String field) {
        Matcher m = key == null ? null : KEY.matcher(key.strip());
        if (m == null || !m.matches()) {
            throw new InvalidInput("'" + field + "' must be a period key such as 2026, 2026-H1, 2026-Q3 or 2026-03, was " + key + ".");
        }
        int year = Integer.parseInt(m.group(1));
        String part = m.group(2);
        int firstMonth;
        int months;
        if (part == null) {
            firstMonth = 1;
            months = 12;
        } else if (part.startsWith("H")) {
            firstMonth = part.equals("H1") ? 1 : 7;
            months = 6;
        } else if (part.startsWith("Q")) {
            firstMonth = (part.charAt(1) - '1') * 3 + 1;
            months = 3;
        } else {
            firstMonth = Integer.parseInt(part);
            months = 1;
            if (firstMonth < 1 || firstMonth > 12) {
                throw new InvalidInput("'" + field + "' names no month: " + key + ".");
            }
        }
        LocalDate first = LocalDate.of(year, firstMonth, 1);
        return new PeriodKey(m.group(0), first, first.plusMonths(months).minusDays(1));
    }
}
