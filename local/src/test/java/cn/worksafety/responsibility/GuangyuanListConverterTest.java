package cn.worksafety.responsibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The converter reads all 41 measures of seed 002 verbatim, with units and deadlines as the
 * document words them, and the sample file local mode loads is exactly its output. To
 * regenerate the sample file after changing the converter:
 * {@code ./mvnw test -pl local -am -Dtest=GuangyuanListConverterTest -Dsurefire.failIfNoSpecifiedTests=false -Dregenerate.sample=true}.
 */
class GuangyuanListConverterTest {

    static final String SAMPLE = "src/main/resources/sample/guangyuan-2022-list.csv";

    static String resource(String name) throws IOException {
        try (InputStream in = GuangyuanListConverterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<GuangyuanListConverter.Measure> measures() throws IOException {
        return GuangyuanListConverter.measures(resource("/seeds/002_3fb1a2ce2ef1c734.txt"));
    }

    @Test
    void readsAll41NumberedMeasuresInOrder() throws IOException {
        List<GuangyuanListConverter.Measure> measures = measures();
        assertEquals(41, measures.size());
        String[] digits = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
        for (int i = 1; i <= 41; i++) {
            String tens = i < 10 ? "" : (i / 10 == 1 ? "" : digits[i / 10]) + "十";
            assertEquals("(" + tens + digits[i % 10] + ")", measures.get(i - 1).number());
        }
        assertEquals("树牢安全发展理念", measures.get(0).title());
        assertEquals("迅速开展安全生产大检查", measures.get(13).title());
        assertEquals("高质量统筹做好各方面工作", measures.get(40).title());
    }

    @Test
    void everyMeasureKeepsTheDocumentsWordingVerbatim() throws IOException {
        String document = resource("/seeds/002_3fb1a2ce2ef1c734.txt");
        for (GuangyuanListConverter.Measure measure : measures()) {
            assertTrue(document.contains("\n" + measure.paragraph() + "\n"), "not verbatim: " + measure.number());
        }
        assertTrue(measures().get(14).content().startsWith("建立隐患治理15天闭环管理制度"));
    }

    @Test
    void deadlinesReadAsTheDocumentSaysThem() throws IOException {
        Map<String, Deadline> deadlines = measures().stream()
                .collect(Collectors.toMap(GuangyuanListConverter.Measure::number, m -> DeadlineParser.parse(m.deadlineText(), 2022)));
        // Spot checks against the document's 完成时间.
        assertEquals(new Deadline(DeadlineKind.LONG_TERM, null), deadlines.get("(一)"));
        assertEquals(new Deadline(DeadlineKind.DATE, LocalDate.of(2022, 12, 31)), deadlines.get("(十四)"));
        assertEquals(new Deadline(DeadlineKind.DATE, LocalDate.of(2022, 12, 31)), deadlines.get("(十五)"));
        assertEquals(new Deadline(DeadlineKind.DATE_THEN_ONGOING, LocalDate.of(2022, 6, 30)), deadlines.get("(十八)"));
        assertEquals(new Deadline(DeadlineKind.DATE_THEN_ONGOING, LocalDate.of(2022, 6, 30)), deadlines.get("(二十二)"));
        assertEquals(new Deadline(DeadlineKind.DATE, LocalDate.of(2022, 7, 31)), deadlines.get("(三十三)"));
        assertEquals(new Deadline(DeadlineKind.DATE, LocalDate.of(2022, 10, 31)), deadlines.get("(三十五)"));
        Map<DeadlineKind, Long> kinds = deadlines.values().stream().collect(Collectors.groupingBy(Deadline::kind, Collectors.counting()));
        assertEquals(Map.of(DeadlineKind.LONG_TERM, 31L, DeadlineKind.DATE, 4L, DeadlineKind.DATE_THEN_ONGOING, 6L), kinds);
    }

    @Test
    void unitsGetTheRolesTheWordingGivesThem() throws IOException {
        Map<String, GuangyuanListConverter.Measure> byNumber = measures().stream()
                .collect(Collectors.toMap(GuangyuanListConverter.Measure::number, Function.identity()));
        // (一) 各镇(街道)党(工)委 named first: both towns lead; the departments after the comma are responsible.
        assertEquals(List.of("GY-PLZ", "GY-YJBJD"), byNumber.get("(一)").codes(AssignmentRole.LEAD));
        assertEquals(List.of("GY-DQRS", "GY-YJJ"), byNumber.get("(一)").codes(AssignmentRole.RESPONSIBLE));
        // (九) the office alone.
        assertEquals(List.of(new GuangyuanListConverter.UnitRole("GY-AB", AssignmentRole.LEAD)), byNumber.get("(九)").units());
        // (十四) 区安办 first; towns, park and supervising departments 按职责分工负责.
        assertEquals(List.of("GY-AB"), byNumber.get("(十四)").codes(AssignmentRole.LEAD));
        assertEquals(List.of("GY-PLZ", "GY-YJBJD", "GY-GJZHB", "GY-QJJGBM"), byNumber.get("(十四)").codes(AssignmentRole.RESPONSIBLE));
        // (十八) first-named of five departments leads.
        assertEquals(List.of("GY-FGJ"), byNumber.get("(十八)").codes(AssignmentRole.LEAD));
        assertEquals(List.of("GY-JJSW", "GY-YJJ", "GY-JSHB", "GY-ZRZY"), byNumber.get("(十八)").codes(AssignmentRole.RESPONSIBLE));
        // (二十四) 区级各行业主管部门牵头.
        assertEquals(List.of("GY-QJHYBM"), byNumber.get("(二十四)").codes(AssignmentRole.LEAD));
        assertEquals(List.of("GY-CZJ", "GY-ZGH", "GY-SHSW"), byNumber.get("(二十四)").codes(AssignmentRole.RESPONSIBLE));
        // (三十三) the emergency-management bureau first.
        assertEquals(List.of("GY-YJJ"), byNumber.get("(三十三)").codes(AssignmentRole.LEAD));
        assertEquals(List.of("GY-DQRS", "GY-SHSW", "GY-SFFJ"), byNumber.get("(三十三)").codes(AssignmentRole.RESPONSIBLE));
        // Every measure has exactly the lead its first-named (or 牵头) unit gives it.
        for (GuangyuanListConverter.Measure measure : byNumber.values()) {
            assertTrue(!measure.codes(AssignmentRole.LEAD).isEmpty(), measure.number());
        }
    }

    @Test
    void roleWordingOfImportedListsIsRead() {
        assertEquals(List.of(new GuangyuanListConverter.UnitRole("GY-YJJ", AssignmentRole.RESPONSIBLE),
                new GuangyuanListConverter.UnitRole("GY-AB", AssignmentRole.LEAD),
                new GuangyuanListConverter.UnitRole("GY-CZJ", AssignmentRole.SUPPORTING)),
                GuangyuanListConverter.units("区应急管理局、区安办牵头,区财政局配合"));
    }

    @Test
    void theSampleFileIsTheConvertersOutput() throws IOException {
        String expected = GuangyuanListConverter.csv(measures());
        Path sample = Path.of(SAMPLE);
        if (Boolean.getBoolean("regenerate.sample")) {
            Files.writeString(sample, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(sample, StandardCharsets.UTF_8),
                "The sample file differs from the converter's output; regenerate it (see the class comment).");
        // And the import reads it back into the same 41 rows (header + 41).
        assertEquals(42, SheetReader.read(expected.getBytes(StandardCharsets.UTF_8)).size());
    }
}
