package cn.worksafety.responsibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineParserTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // The three phrasings of seed 002.
            "长期|LONG_TERM|-",
            "2022年12月底前|DATE|2022-12-31",
            "2022年6月底前印发方案并长期坚持|DATE_THEN_ONGOING|2022-06-30",
            "2022年6月底前印发通知并长期坚持|DATE_THEN_ONGOING|2022-06-30",
            "2022年7月底前|DATE|2022-07-31",
            "2022年10月底前|DATE|2022-10-31",
            // Other common ways of writing it.
            "长期坚持|LONG_TERM|-",
            "持续推进|LONG_TERM|-",
            "常态化开展|LONG_TERM|-",
            "2022年12月31日前|DATE|2022-12-31",
            "2022年6月30日前完成|DATE|2022-06-30",
            "2022年2月底|DATE|2022-02-28",
            "2024年2月底前|DATE|2024-02-29",
            "2022年12月|DATE|2022-12-31",
            "2022年6月中旬|DATE|2022-06-20",
            "2022年底前|DATE|2022-12-31",
            "2022年年底前|DATE|2022-12-31",
            "2022年上半年|DATE|2022-06-30",
            "2022年下半年|DATE|2022-12-31",
            "2022年第三季度末|DATE|2022-09-30",
            "2022年三季度|DATE|2022-09-30",
            "2022-12-31|DATE|2022-12-31",
            "2022/6/30|DATE|2022-06-30",
            "2022.10.1|DATE|2022-10-01",
            "２０２２年１２月底前|DATE|2022-12-31",
            "二〇二二年十二月底前|DATE|2022-12-31",
            "2022年十月底前|DATE|2022-10-31",
            " 2022 年 12 月底前 |DATE|2022-12-31",
            "12月底前|DATE|2023-12-31",
            "年底前|DATE|2023-12-31",
            "2022年9月底前建立制度并持续推进|DATE_THEN_ONGOING|2022-09-30",
            "2023年3月底前完成，长效推进|DATE_THEN_ONGOING|2023-03-31" })
    void readsCommonChinesePhrasings(String text, DeadlineKind kind, String dueOn) {
        Deadline deadline = DeadlineParser.parse(text, 2023);
        assertEquals(kind, deadline.kind());
        assertEquals(dueOn == null ? null : LocalDate.parse(dueOn), deadline.dueOn());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "立即", "尽快完成", "2022年2月30日前", "2022年13月底前", "每月" })
    void refusesWhatIsNotADeadlineWithAHint(String text) {
        DeadlineParser.Unreadable e = assertThrows(DeadlineParser.Unreadable.class, () -> DeadlineParser.parse(text, 2022));
        assertTrue(e.getMessage().contains("长期"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "12月底前", "年底前" })
    void aDateWithoutAYearNeedsTheListsYear(String text) {
        DeadlineParser.Unreadable e = assertThrows(DeadlineParser.Unreadable.class, () -> DeadlineParser.parse(text, null));
        assertTrue(e.getMessage().contains("no year"), e.getMessage());
    }
}
