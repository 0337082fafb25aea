package cn.worksafety.responsibility;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads 完成时间 as offices write it into a {@link Deadline}:
 * <ul>
 * <li>长期, 长期坚持, 持续推进, 常态化开展 … → LONG_TERM;</li>
 * <li>a date → DATE: 2022年12月底前, 2022年12月31日前, 2022年12月, 2022年底前, 2022年上半年 / 下半年,
 * 2022年第三季度末, 2022-12-31, 2022/12/31, 2022.12.31, 二〇二二年十二月底前; without a year
 * (12月底前) the list's year is used when one is known;</li>
 * <li>a date followed by long-term upkeep → DATE_THEN_ONGOING: 2022年6月底前印发方案并长期坚持,
 * 2022年6月底前建立制度并持续推进.</li>
 * </ul>
 * "Before the end of a month" (月底前) means the last day of that month is still in time.
 * Anything else (立即, 每月, a month that does not exist) is refused with a message saying what
 * to write instead.
 */
public final class DeadlineParser {

    /** The text could not be read as a deadline; the message says why. */
    public static final class Unreadable extends IllegalArgumentException {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final String HINT = " Write 长期, a date such as 2022年12月底前 or 2022-12-31,"
            + " or a date then 并长期坚持 (2022年6月底前印发方案并长期坚持).";

    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern DAY = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})[日号]");
    private static final Pattern MONTH = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(?:份)?(底|末|上旬|中旬|下旬)?");
    private static final Pattern HALF = Pattern.compile("(\\d{4})?年?([上下])半年");
    private static final Pattern QUARTER = Pattern.compile("(?:(\\d{4})年)?第?([1-4])季度");
    private static final Pattern YEAR_END = Pattern.compile("(\\d{4})年(?:年)?(?:底|末|内|年底|年末)?");
    private static final Pattern ONGOING = Pattern.compile("长期|持续|常态化|长效|常年");
    private static final Pattern RECURRING = Pattern.compile("每[年月周日天季]|每季度|每半年");

    private DeadlineParser() {
    }

    /**
     * @param text        the 完成时间 text
     * @param defaultYear the year of a date written without one (e.g. the list's year), or null
     */
    public static Deadline parse(String text, Integer defaultYear) {
        if (text == null || text.isBlank()) {
            throw new Unreadable("The deadline is empty." + HINT);
        }
        String normal = normalise(text);
        Found date = findDate(normal, defaultYear, text);
        boolean ongoing = ONGOING.matcher(date == null ? normal : normal.substring(date.end)).find();
        if (date == null) {
            if (ongoing) {
                return new Deadline(DeadlineKind.LONG_TERM, null);
            }
            if (RECURRING.matcher(normal).find()) {
                throw new Unreadable("The deadline '" + text.strip() + "' is a recurring duty, not a date; write 长期 for it." + HINT);
            }
            throw new Unreadable("Cannot read the deadline '" + text.strip() + "'." + HINT);
        }
        return new Deadline(ongoing ? DeadlineKind.DATE_THEN_ONGOING : DeadlineKind.DATE, date.date);
    }

    private record Found(LocalDate date, int end) {
    }

    private static Found findDate(String s, Integer defaultYear, String original) {
        try {
            Matcher m = ISO.matcher(s);
            if (m.find()) {
                return new Found(LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))), m.end());
            }
            m = DAY.matcher(s);
            if (m.find()) {
                return new Found(LocalDate.of(year(m.group(1), defaultYear, original), num(m.group(2)), num(m.group(3))), m.end());
            }
            m = HALF.matcher(s);
            if (m.find()) {
                int year = year(m.group(1), defaultYear, original);
                return new Found("上".equals(m.group(2)) ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31), m.end());
            }
            m = QUARTER.matcher(s);
            if (m.find()) {
                int year = year(m.group(1), defaultYear, original);
                return new Found(YearMonth.of(year, num(m.group(2)) * 3).atEndOfMonth(), m.end());
            }
            m = MONTH.matcher(s);
            if (m.find()) {
                YearMonth month = YearMonth.of(year(m.group(1), defaultYear, original), num(m.group(2)));
                LocalDate date = "上旬".equals(m.group(3)) ? month.atDay(10)
                        : "中旬".equals(m.group(3)) ? month.atDay(20) : month.atEndOfMonth();
                return new Found(date, m.end());
            }
            m = YEAR_END.matcher(s);
            if (m.find()) {
                return new Found(LocalDate.of(num(m.group(1)), 12, 31), m.end());
            }
            if (s.contains("年底") || s.contains("年末") || s.contains("年内")) {
                int year = year(null, defaultYear, original);
                return new Found(LocalDate.of(year, 12, 31), s.indexOf('年') + 2);
            }
        } catch (DateTimeException e) {
            throw new Unreadable("The deadline '" + original.strip() + "' names a day that does not exist." + HINT);
        }
        return null;
    }

    private static int year(String written, Integer defaultYear, String original) {
        if (written != null) {
            return num(written);
        }
        if (defaultYear == null) {
            throw new Unreadable("The deadline '" + original.strip() + "' has no year and the list has no date to take it from;"
                    + " write the year (2022年12月底前).");
        }
        return defaultYear;
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }

    /** Full-width digits and Chinese numerals before 年, 月, 日 and 季度 become ASCII digits; spaces go. */
    static String normalise(String text) {
        StringBuilder ascii = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                ascii.append((char) ('0' + (c - '０')));
            } else if (c == '－') {
                ascii.append('-');
            } else if (c == '／') {
                ascii.append('/');
            } else if (c == '．') {
                ascii.append('.');
            } else if (!Character.isWhitespace(c) && c != '\u3000') {
                ascii.append(c);
            }
        }
        Matcher m = Pattern.compile("([〇零一二三四五六七八九十两]+)(年|月|日|号|季度)").matcher(ascii);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(chineseNumber(m.group(1)) + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String chineseNumber(String chinese) {
        String digits = "〇一二三四五六七八九";
        if (!chinese.contains("十")) {
            // 二〇二二 is read digit by digit; 零 and 两 are spelled alike.
            StringBuilder out = new StringBuilder();
            for (char c : chinese.toCharArray()) {
                out.append(c == '零' ? 0 : c == '两' ? 2 : digits.indexOf(c));
            }
            return out.toString();
        }
        int ten = chinese.indexOf('十');
        int tens = ten == 0 ? 1 : digitOf(chinese.charAt(ten - 1), digits);
        int ones = ten == chinese.length() - 1 ? 0 : digitOf(chinese.charAt(ten + 1), digits);
        return String.valueOf(tens * 10 + ones);
    }

    private static int digitOf(char c, String digits) {
        return c == '零' ? 0 : c == '两' ? 2 : Math.max(digits.indexOf(c), 0);
    }
}
