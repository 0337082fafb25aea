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
        assertEquals(5, rows.get(3).number());
        assertEquals(List.of("(二)", "c", "d"), rows.get(3).cells());
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
    }
}
