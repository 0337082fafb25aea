package cn.worksafety.responsibility;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first worksheet of an uploaded file into rows of text: an Excel workbook (.xlsx,
 * read as the OOXML zip it is with the JDK's own XML parser, no reflection-heavy library) or a
 * CSV file (RFC 4180 quoting; UTF-8 with or without BOM, else GB18030 as Excel writes it on
 * Chinese Windows). Row numbers are the ones the user sees in Excel (the header is row 1): a CSV
 * row is one record however many lines its quoted cells span, and a workbook's merged cells are
 * filled with their top-left value in every row they cover.
 */
final class SheetReader {

    /** The file is not a readable CSV or workbook; the message says why. */
    static final class Unreadable extends IllegalArgumentException {
        Unreadable(String message) {
            super(message);
        }
    }

    record Row(int number, List<String> cells) {
        String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index);
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    // Bounds, checked while reading, so that a small hostile file (a zip bomb, a cell at column
    // ZZZZZZ, a million rows, one enormous cell) is refused in bounded time and memory, well inside
    // the 256 MiB heap a replica runs with, instead of allocating what the file claims. A real list
    // (at most ResponsibilityListService.ITEMS_MAX items, a dozen columns) is far below each of them.

    /** Columns A to BL; a cell further right is refused, not allocated up to. */
    static final int MAX_COLUMNS = 64;
    /** Rows holding any text (a list's header, items and notes above or below them). */
    static final int MAX_ROWS = 10_000;
    /** Excel's own limit for the text of one cell. */
    static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_SHARED_STRINGS = 100_000;
    static final int MAX_ZIP_ENTRIES = 1_000;
    /** Unpacked bytes of all the workbook's parts together, and their ratio to the packed file. */
    static final long MAX_UNPACKED_BYTES = 30L * 1024 * 1024;
    static final int MAX_UNPACK_RATIO = 200;
    /** Excel's last row. */
    static final int MAX_ROW_NUMBER = 1_048_576;

    private SheetReader() {
    }

    static List<Row> read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new Unreadable("The file is empty.");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return xlsx(bytes);
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF) {
            throw new Unreadable("This is an old Excel file (.xls); save it as .xlsx or as CSV UTF-8 and upload that.");
        }
        return csv(decode(bytes));
    }

    // ---------- CSV ----------

    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /**
     * RFC 4180 records. A row number counts records, not physical lines: a quoted cell with line
     * breaks stays one row, as Excel shows the file when it opens it.
     */
    static List<Row> csv(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int row = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                if (cells.size() >= MAX_COLUMNS) {
                    throw tooManyColumns(row);
                }
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                if (row > MAX_ROWS) {
                    throw tooManyRows();
                }
                rows.add(new Row(row++, List.copyOf(cells)));
                cells.clear();
            } else {
                cell.append(c);
            }
            if (cell.length() > MAX_CELL_CHARS) {
                throw tooLongCell(row);
            }
        }
        if (quoted) {
            throw new Unreadable("The CSV file ends inside a quoted cell that starts in row " + row + ".");
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(row, List.copyOf(cells)));
        }
        return rows;
    }

    // ---------- XLSX ----------

    static List<Row> xlsx(byte[] bytes) {
        Map<String, byte[]> parts = unzip(bytes);
        byte[] workbook = parts.get("xl/workbook.xml");
        if (workbook == null) {
            throw new Unreadable("The file is a zip archive but not an Excel workbook (.xlsx).");
        }
        String sheetPath = firstSheetPath(workbook, parts.get("xl/_rels/workbook.xml.rels"));
        byte[] sheet = parts.get(sheetPath);
        if (sheet == null) {
            throw new Unreadable("The workbook's first worksheet (" + sheetPath + ") is missing.");
        }
        List<String> shared = parts.containsKey("xl/sharedStrings.xml") ? sharedStrings(parts.get("xl/sharedStrings.xml")) : List.of();
        return sheetRows(sheet, shared);
    }

    /**
     * The parts the reader needs, unpacked into memory. Every entry counts towards the unpacked
     * limits, the ones skipped too: skipping an entry inflates it all the same.
     */
    private static Map<String, byte[]> unzip(byte[] bytes) {
        Map<String, byte[]> parts = new HashMap<>();
        long limit = Math.min(MAX_UNPACKED_BYTES, Math.max(1024L * 1024, (long) MAX_UNPACK_RATIO * bytes.length));
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            byte[] buffer = new byte[8192];
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new Unreadable("The workbook holds more than " + MAX_ZIP_ENTRIES + " parts; upload only the list.");
                }
                String name = entry.getName();
                boolean wanted = !entry.isDirectory() && (name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels")
                        || name.equals("xl/sharedStrings.xml") || name.startsWith("xl/worksheets/"));
                ByteArrayOutputStream out = wanted ? new ByteArrayOutputStream() : null;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > limit) {
                        throw new Unreadable("The workbook unpacks to more than " + (limit / (1024 * 1024))
                                + " MB, far more than a list needs; upload only the list.");
                    }
                    if (out != null) {
                        out.write(buffer, 0, n);
                    }
                }
                if (out != null) {
                    parts.put(name, out.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof Unreadable unreadable) {
                throw unreadable;
            }
            throw new Unreadable("The file looks like an Excel workbook but cannot be unpacked.");
        }
        return parts;
    }

    private static String firstSheetPath(byte[] workbook, byte[] rels) {
        String relationId = null;
        try {
            XMLStreamReader xml = xml(workbook);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(xml.getLocalName())) {
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        if ("id".equals(xml.getAttributeLocalName(i))) {
                            relationId = xml.getAttributeValue(i);
                        }
                    }
                    break;
                }
            }
            if (relationId != null && rels != null) {
                XMLStreamReader relations = xml(rels);
                while (relations.hasNext()) {
                    if (relations.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(relations.getLocalName())
                            && relationId.equals(relations.getAttributeValue(null, "Id"))) {
                        String target = relations.getAttributeValue(null, "Target");
                        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new Unreadable("The workbook's index is damaged: " + e.getMessage());
        }
        return "xl/worksheets/sheet1.xml";
    }

    /** Shared strings: plain {@code <t>} and rich-text runs, without phonetic guides ({@code <rPh>}). */
    private static List<String> sharedStrings(byte[] part) {
        List<String> strings = new ArrayList<>();
        try {
            XMLStreamReader xml = xml(part);
            StringBuilder current = null;
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            if (strings.size() >= MAX_SHARED_STRINGS) {
                                throw new Unreadable("The workbook's text table holds more than " + MAX_SHARED_STRINGS
                                        + " texts; upload only the list.");
                            }
                            current = new StringBuilder();
                        }
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            String text = text(xml, 0);
                            if (current != null && phonetic == 0) {
                                current.append(text);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if ("si".equals(xml.getLocalName()) && current != null) {
                        if (current.length() > MAX_CELL_CHARS) {
                            throw tooLongCell(0);
                        }
                        strings.add(current.toString());
                        current = null;
                    } else if ("rPh".equals(xml.getLocalName())) {
                        phonetic--;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new Unreadable("The workbook's text table is damaged (not the XML Excel writes).");
        }
        return strings;
    }

    /**
     * The rows of a worksheet, each merged range ({@code <mergeCells>}) filled with its top-left
     * cell's value: an office that merges one 牵头单位 cell over several rows means that unit for
     * each of them, though Excel stores the value only in the first.
     */
    private static List<Row> sheetRows(byte[] part, List<String> shared) {
        TreeMap<Integer, List<String>> rows = new TreeMap<>();
        List<String> merges = new ArrayList<>();
        try {
            XMLStreamReader xml = xml(part);
            int rowNumber = 0;
            int nextColumn = 0;
            String type = null;
            int column = -1;
            String value = null;
            StringBuilder inline = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            String r = xml.getAttributeValue(null, "r");
                            rowNumber = r == null ? rowNumber + 1 : rowNumber(r);
                            nextColumn = 0;
                        }
                        case "c" -> {
                            type = xml.getAttributeValue(null, "t");
                            String ref = xml.getAttributeValue(null, "r");
                            column = ref == null ? nextColumn : columnIndex(ref);
                            if (column < 0) {
                                throw new Unreadable("The worksheet is damaged: a cell reference '" + shorten(ref) + "' cannot be read.");
                            }
                            if (column >= MAX_COLUMNS) {
                                throw new Unreadable("Row " + rowNumber + " has a cell at " + shorten(ref) + ", beyond column "
                                        + columnName(MAX_COLUMNS - 1) + "; a list fits in the first " + MAX_COLUMNS
                                        + " columns. Delete what lies to the right of the list.");
                            }
                            nextColumn = column + 1;
                            value = null;
                            inline = null;
                        }
                        case "v" -> value = text(xml, rowNumber);
                        case "is" -> inline = new StringBuilder();
                        case "t" -> {
                            String text = text(xml, rowNumber);
                            if (inline != null) {
                                inline.append(text);
                                if (inline.length() > MAX_CELL_CHARS) {
                                    throw tooLongCell(rowNumber);
                                }
                            }
                        }
                        case "mergeCell" -> {
                            String ref = xml.getAttributeValue(null, "ref");
                            if (ref != null) {
                                if (merges.size() >= MAX_MERGED_RANGES) {
                                    throw new Unreadable("The worksheet has more than " + MAX_MERGED_RANGES
                                            + " merged ranges; unmerge them or upload only the list.");
                                }
                                merges.add(ref);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName()) && rowNumber > 0) {
                    String text = cellText(type, value, inline, shared);
                    // Only text is kept: the empty, formatted cells Excel writes for thousands of
                    // rows below a list cost nothing.
                    if (!text.isEmpty()) {
                        List<String> cells = rows.get(rowNumber);
                        if (cells == null) {
                            if (rows.size() >= MAX_ROWS) {
                                throw tooManyRows();
                            }
                            cells = new ArrayList<>();
                            rows.put(rowNumber, cells);
                        }
                        set(cells, column, text);
                    }
                }
            }
        } catch (XMLStreamException | NumberFormatException | IndexOutOfBoundsException e) {
            throw new Unreadable("The worksheet is damaged (not the XML Excel writes).");
        }
        fillMerged(rows, merges);
        List<Row> result = new ArrayList<>(rows.size());
        rows.forEach((number, cells) -> result.add(new Row(number, List.copyOf(cells))));
        return result;
    }

    static final int MAX_MERGED_RANGES = 10_000;

    static final int MAX_MERGED_CELLS = 100_000;

    /**
     * Copies each merged range's top-left value into its other cells, within the rows and columns
     * that hold data (a range may be drawn far beyond them); a row inside a range that has no
     * cells of its own is added, as Excel shows the merged value there.
     */
    private static void fillMerged(TreeMap<Integer, List<String>> rows, List<String> merges) {
        if (merges.isEmpty() || rows.isEmpty()) {
            return;
        }
        int lastRow = rows.lastKey();
        int lastColumn = rows.values().stream().mapToInt(List::size).max().orElse(0) - 1;
        long filled = 0;
        for (String merge : merges) {
            String[] corners = merge.split(":");
            int firstColumn = columnIndex(corners[0]);
            int firstRow = rowIndex(corners[0]);
            int toColumn = Math.min(corners.length > 1 ? columnIndex(corners[1]) : firstColumn, lastColumn);
            int toRow = Math.min(corners.length > 1 ? rowIndex(corners[1]) : firstRow, lastRow);
            if (firstColumn < 0 || firstRow < 1) {
                throw new Unreadable("The worksheet is damaged: a merged range '" + shorten(merge) + "' cannot be read.");
            }
            List<String> topRow = rows.get(firstRow);
            String value = topRow == null || firstColumn >= topRow.size() ? "" : topRow.get(firstColumn);
            if (value.isEmpty()) {
                continue;
            }
            for (int r = firstRow; r <= toRow; r++) {
                List<String> cells = rows.computeIfAbsent(r, n -> new ArrayList<>());
                for (int c = firstColumn; c <= toColumn; c++) {
                    if (++filled > MAX_MERGED_CELLS) {
                        throw new Unreadable("The worksheet's merged cells cover more than " + MAX_MERGED_CELLS
                                + " cells; unmerge them or upload only the list.");
                    }
                    set(cells, c, value);
                }
            }
        }
    }

    private static void set(List<String> cells, int column, String value) {
        while (cells.size() <= column) {
            cells.add("");
        }
        cells.set(column, value);
    }

    private static String cellText(String type, String value, StringBuilder inline, List<String> shared) {
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (value == null) {
            return "";
        }
        if ("s".equals(type)) {
            return shared.get(Integer.parseInt(value.trim()));
        }
        if ("b".equals(type)) {
            return "1".equals(value) ? "TRUE" : "FALSE";
        }
        if (type == null || "n".equals(type)) {
            // Excel stores 1 as "1" but sometimes 3 as "3.0"; whole numbers read as written.
            return value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        }
        return value;
    }

    /**
     * "AB12" -> 27 (zero-based column); -1 when the reference has no letters, and Integer.MAX_VALUE
     * for more than three (beyond Excel's last column XFD), so that no letter string can overflow
     * into a real index.
     */
    static int columnIndex(String reference) {
        int index = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            if (++letters > 3) {
                return Integer.MAX_VALUE;
            }
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    /** 0 -> "A", 63 -> "BL". */
    static String columnName(int index) {
        String name = "";
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name = (char) ('A' + (i - 1) % 26) + name;
        }
        return name;
    }

    private static int rowNumber(String r) {
        if (!r.matches("\\d{1,7}") || Integer.parseInt(r) < 1 || Integer.parseInt(r) > MAX_ROW_NUMBER) {
            throw new Unreadable("The worksheet is damaged: a row number '" + shorten(r) + "' lies outside Excel's rows.");
        }
        return Integer.parseInt(r);
    }

    /**
     * The text of the element the reader is at, read piece by piece so that one enormous cell is
     * refused once it passes the cell limit instead of being built whole first.
     */
    private static String text(XMLStreamReader xml, int row) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        if (text.length() > MAX_CELL_CHARS) {
                            throw tooLongCell(row);
                        }
                    }
                }
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** A reference from the file, cut short for a message. */
    private static String shorten(String text) {
        return text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    private static Unreadable tooManyColumns(int row) {
        return new Unreadable("Row " + row + " has more than " + MAX_COLUMNS + " columns; a list fits in the first "
                + MAX_COLUMNS + ". Delete what lies to the right of the list.");
    }

    private static Unreadable tooManyRows() {
        return new Unreadable("The sheet has more than " + MAX_ROWS + " rows with text; upload only the list.");
    }

    private static Unreadable tooLongCell(int row) {
        return new Unreadable((row > 0 ? "A cell in row " + row : "A cell") + " holds more than " + MAX_CELL_CHARS
                + " characters, more than Excel itself allows in a cell.");
    }

    /** "AB12" -> 12 (the row number as Excel shows it); 0 when the reference has none. */
    static int rowIndex(String reference) {
        String digits = reference.replaceFirst("^[A-Z]+", "");
        return digits.matches("\\d{1,7}") ? Integer.parseInt(digits) : 0;
    }

    private static XMLStreamReader xml(byte[] part) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTDs, no external entities: an uploaded file must not make the service read anything else.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        InputStream in = new ByteArrayInputStream(part);
        return factory.createXMLStreamReader(in);
    }
}
