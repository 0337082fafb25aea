package cn.worksafety.responsibility;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Minimal .xlsx workbooks for tests, shaped like Excel writes them: text in the shared-string
 * table, except that whole numbers are numeric cells and every third text cell is an inline
 * string (as other tools write them). Empty cells are left out, as Excel does, except inside a
 * merged range, where Excel writes the covered cells without a value (only a style).
 */
public final class XlsxFiles {

    private XlsxFiles() {
    }

    public static byte[] workbook(List<List<String>> rows) {
        return workbook(rows, List.of());
    }

    /** With merged ranges ({@code "E2:E4"}): the value goes in the range's top-left cell, the others are left empty. */
    public static byte[] workbook(List<List<String>> rows, List<String> merges) {
        List<String> shared = new ArrayList<>();
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        int textCells = 0;
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                String value = rows.get(r).get(c);
                String ref = (char) ('A' + c) + String.valueOf(r + 1);
                if (value == null || value.isEmpty()) {
                    if (covered(merges, c, r + 1)) {
                        sheet.append("<c r=\"").append(ref).append("\" s=\"1\"/>");
                    }
                    continue;
                }
                if (value.matches("\\d{1,9}")) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(value).append("</v></c>");
                } else if (++textCells % 3 == 0) {
                    sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(value)).append("</t></is></c>");
                } else {
                    shared.add(value);
                    sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(shared.size() - 1).append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData>");
        if (!merges.isEmpty()) {
            sheet.append("<mergeCells count=\"").append(merges.size()).append("\">");
            merges.forEach(m -> sheet.append("<mergeCell ref=\"").append(m).append("\"/>"));
            sheet.append("</mergeCells>");
        }
        sheet.append("</worksheet>");
        StringBuilder strings = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (String s : shared) {
            // Rich text split in two runs, plus a phonetic guide that must not be read as text.
            int half = s.length() / 2;
            strings.append("<si><r><t xml:space=\"preserve\">").append(escape(s.substring(0, half))).append("</t></r><r><t>")
                    .append(escape(s.substring(half))).append("</t></r><rPh sb=\"0\" eb=\"1\"><t>ruby</t></rPh></si>");
        }
        strings.append("</sst>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"清单\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                    + " Target=\"worksheets/list.xml\"/></Relationships>");
            put(zip, "xl/worksheets/list.xml", sheet.toString());
            put(zip, "xl/sharedStrings.xml", strings.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Whether the cell (zero-based column, row as Excel numbers it) lies in one of the ranges (single-letter columns). */
    private static boolean covered(List<String> merges, int column, int row) {
        for (String merge : merges) {
            String[] corners = merge.split(":");
            int c1 = corners[0].charAt(0) - 'A';
            int c2 = corners[1].charAt(0) - 'A';
            int r1 = Integer.parseInt(corners[0].substring(1));
            int r2 = Integer.parseInt(corners[1].substring(1));
            if (column >= c1 && column <= c2 && row >= r1 && row <= r2) {
                return true;
            }
        }
        return false;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
