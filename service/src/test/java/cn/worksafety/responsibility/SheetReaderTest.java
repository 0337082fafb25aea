package cn.worksafety.responsibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SheetReaderTest {

    @Test
    void csvKeepsQuotedCommasQuotesAndLineBreaksAndNumbersRowsAsExcelDoes() {
        String csv = "序号,标题,内容\r\n(一),\"a, b\",\"say \"\"hi\"\"\nsecond line\"\r\n\r\n(二),c,d";
        List<SheetReader.Row> rows = SheetReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(4, rows.size());
        assertEquals(List.of("(一)", "a, b", "say \"hi\"\nsecond line"), rows.get(1).cells());
        assertEquals(2, rows.get(1).number());
        // The quoted line break stays inside row 2; the blank line is row 3.
        assertEquals(4, rows.get(3).number());
        assertEquals(List.of("(二)", "c", "d"), rows.get(3).cells());
    }

    @Test
    void csvRowsAreNumberedByRecordNotByLineSoAMultiLineCellDoesNotShiftTheRowsAfterIt() {
        String csv = "序号,内容\n1,\"第一行\n第二行\r\n第三行\"\n2,x\n3,\"a\n\nb\"\n4,y\n";
        List<SheetReader.Row> rows = SheetReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(SheetReader.Row::number).toList());
        assertEquals("第一行\n第二行\r\n第三行", rows.get(1).cell(1));
        assertEquals(List.of("4", "y"), rows.get(4).cells());
    }

    @Test
    void csvWithByteOrderMarkOrInGb18030IsRead() {
        byte[] bom = "\uFEFF序号,标题\n1,长期".getBytes(StandardCharsets.UTF_8);
        assertEquals("序号", SheetReader.read(bom).get(0).cell(0));
        byte[] gbk = "序号,标题\n1,区应急管理局".getBytes(Charset.forName("GB18030"));
        assertEquals("区应急管理局", SheetReader.read(gbk).get(1).cell(1));
    }

    @Test
    void xlsxSharedInlineAndNumericCellsAreRead() {
        byte[] workbook = XlsxFiles.workbook(List.of(List.of("序号", "标题"), List.of("1", "树牢安全发展理念"), List.of("", "x")));
        List<SheetReader.Row> rows = SheetReader.read(workbook);
        assertEquals(3, rows.size());
        assertEquals(List.of("1", "树牢安全发展理念"), rows.get(1).cells());
        assertEquals("", rows.get(2).cell(0));
        assertEquals("x", rows.get(2).cell(1));
    }

    @Test
    void xlsxMergedCellsGetTheirTopLeftValueInEveryCellTheyCover() {
        byte[] workbook = XlsxFiles.workbook(List.of(
                List.of("序号", "标题", "牵头单位", "完成时间"),
                List.of("1", "甲", "GY-YJJ", "长期"),
                List.of("2", "乙", "", ""),
                List.of("3", "丙", "", "2022年12月底前"),
                List.of("4", "丁", "GY-AB", "")),
                List.of("C2:C4", "D2:D3", "A6:B6"));
        List<SheetReader.Row> rows = SheetReader.read(workbook);
        assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(SheetReader.Row::number).toList());
        assertEquals(List.of("GY-YJJ", "GY-YJJ", "GY-YJJ", "GY-AB"), rows.subList(1, 5).stream().map(r -> r.cell(2)).toList());
        assertEquals(List.of("长期", "长期", "2022年12月底前", ""), rows.subList(1, 5).stream().map(r -> r.cell(3)).toList());
        // The range A6:B6 lies below the data: it adds no row (the row numbers above end at 5).
    }

    @Test
    void mergedRangesDrawnFarBeyondTheDataAreCutToIt() {
        byte[] workbook = XlsxFiles.workbook(List.of(
                List.of("序号", "牵头单位"),
                List.of("1", "GY-YJJ"),
                List.of("2", "")),
                List.of("B2:B9"));
        List<SheetReader.Row> rows = SheetReader.read(workbook);
        assertEquals(3, rows.size());
        assertEquals(List.of("2", "GY-YJJ"), rows.get(2).cells());
    }

    @Test
    void oldExcelFilesAndDamagedCsvAreRefusedWithAReason() {
        byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
        assertThrows(SheetReader.Unreadable.class, () -> SheetReader.read(xls));
        assertThrows(SheetReader.Unreadable.class, () -> SheetReader.read("a,\"b\nc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void columnLettersBecomeIndexes() {
        assertEquals(0, SheetReader.columnIndex("A1"));
        assertEquals(25, SheetReader.columnIndex("Z9"));
        assertEquals(27, SheetReader.columnIndex("AB12"));
        assertEquals(12, SheetReader.rowIndex("AB12"));
    }
}
