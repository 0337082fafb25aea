package cn.worksafety.responsibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitRepository;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Imports a whole list from the spreadsheet an office keeps (.xlsx or CSV), one row per item.
 * Every row is checked before anything is written; one bad row rejects the file with the
 * problems of every row, and nothing is stored. See docs/responsibility.md for the format.
 */
@ApplicationScoped
public class ResponsibilityImporter {

    static final int MAX_ROWS = ResponsibilityListService.ITEMS_MAX;

    /** What a column holds; a header cell names it in Chinese or English. */
    enum Column {
        NUMBER(true, "序号", "编号", "number", "no", "no."),
        TITLE(true, "标题", "措施", "事项", "任务", "title"),
        CONTENT(true, "内容", "具体内容", "工作内容", "主要内容", "措施内容", "content", "text"),
        LEAD(true, "牵头单位", "牵头", "lead units", "lead unit", "lead"),
        RESPONSIBLE(false, "责任单位", "负责单位", "responsible units", "responsible unit", "responsible"),
        SUPPORTING(false, "配合单位", "协助单位", "supporting units", "supporting unit", "supporting"),
        DEADLINE(true, "完成时间", "完成时限", "时限", "期限", "deadline"),
        UNITS_TEXT(false, "责任单位原文", "units as written", "units text");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }
    }

    /**
     * One problem of one row (row 0: the file as a whole), in the row numbering Excel shows. Sent as
     * JSON by the import endpoint, so registered for the native image.
     */
    @RegisterForReflection
    public record RowError(int row, String column, String message) {
        @Override
        public String toString() {
            return (row == 0 ? "File" : "Row " + row) + (column == null ? "" : ", " + column) + ": " + message;
        }
    }

    /** The file was rejected; nothing was written. */
    public static final class Rejected extends InvalidInput {
        private final transient List<RowError> errors;

        Rejected(List<RowError> errors) {
            super("The file was not imported (nothing was written): "
                    + errors.stream().limit(20).map(RowError::toString).collect(Collectors.joining(" "))
                    + (errors.size() > 20 ? " … and " + (errors.size() - 20) + " more." : ""));
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    /** The list's own fields, sent with the file. Give the issuer by id or by unit code. */
    public record ListFields(String title, String documentNumber, String issuerId, String issuerCode, LocalDate issuedOn) {
    }

    private static final Pattern UNIT_SEPARATORS = Pattern.compile("[、,，;；\\n\\r]+");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}");

    @Inject
    ResponsibilityListService service;

    @Inject
    OrganisationService organisation;

    @Inject
    UnitRepository units;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** A list imported, with the number of its items. */
    public record Imported(ResponsibilityList list, int items) {
    }

    /** For a coordinator of the issuer's region or an admin; units are those the caller can see. */
    @Transactional
    public Imported importList(ListFields fields, byte[] file) {
        caller.requireAnyOf(Role.ADMIN, Role.COORDINATOR);
        String issuerId = Text.optional(fields.issuerId(), "issuerId", 30);
        String issuerCode = Text.optional(fields.issuerCode(), "issuerCode", 64);
        if ((issuerId == null) == (issuerCode == null)) {
            throw new InvalidInput("Name the issuing unit by 'issuerId' or by 'issuerCode' (one of them).");
        }
        Unit issuer = issuerId != null ? service.issuer(issuerId)
                : service.issuer(String.valueOf(units.findByCode(issuerCode)
                        .orElseThrow(() -> new InvalidInput("'issuerCode' names no unit you can see: " + issuerCode + ".")).id));
        ResponsibilityListService.ListDraft list = service.listDraft(fields.title(), fields.documentNumber(), issuer, fields.issuedOn());
        List<ItemDraft> items = items(file, organisation::canRead, fields.issuedOn());
        return new Imported(service.persist(list.withItems(items), "importResponsibilityList"), items.size());
    }

    /**
     * Local mode's sample data: the same checks on the file, any unit, no caller. Runs in the
     * sample loader's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ResponsibilityList importSample(ListFields fields, byte[] file) {
        Unit issuer = units.findByCode(fields.issuerCode()).orElseThrow(() -> new IllegalStateException("No unit " + fields.issuerCode()));
        ResponsibilityListService.ListDraft list = service.listDraft(fields.title(), fields.documentNumber(), issuer, fields.issuedOn());
        return service.persist(list.withItems(items(file, unit -> true, fields.issuedOn())), "sample-data");
    }

    /** Every row read, resolved and checked; the items, or {@link Rejected} with every problem found. */
    List<ItemDraft> items(byte[] file, Predicate<Unit> visible, LocalDate issuedOn) {
        List<SheetReader.Row> rows;
        try {
            rows = SheetReader.read(file).stream().filter(r -> !r.blank()).toList();
        } catch (SheetReader.Unreadable e) {
            throw new Rejected(List.of(new RowError(0, null, e.getMessage())));
        }
        if (rows.isEmpty()) {
            throw new Rejected(List.of(new RowError(0, null, "The file is empty; the first row names the columns.")));
        }
        SheetReader.Row header = rows.get(0);
        Map<Column, Integer> columns = columns(header);
        List<SheetReader.Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            throw new Rejected(List.of(new RowError(0, null, "The file has a header row but no items.")));
        }
        if (data.size() > MAX_ROWS) {
            throw new Rejected(List.of(new RowError(0, null, "The file has " + data.size() + " items; at most " + MAX_ROWS + " per list.")));
        }
        Map<String, List<Unit>> unitsByToken = resolveUnits(data, columns, visible);
        Integer defaultYear = issuedOn == null ? null : issuedOn.getYear();

        List<RowError> errors = new ArrayList<>();
        List<ItemDraft> drafts = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (SheetReader.Row row : data) {
            List<RowError> rowErrors = new ArrayList<>();
            List<ItemDraft.UnitRole> assignments = new ArrayList<>();
            assign(row, columns, Column.LEAD, AssignmentRole.LEAD, unitsByToken, assignments, rowErrors, header);
            assign(row, columns, Column.RESPONSIBLE, AssignmentRole.RESPONSIBLE, unitsByToken, assignments, rowErrors, header);
            assign(row, columns, Column.SUPPORTING, AssignmentRole.SUPPORTING, unitsByToken, assignments, rowErrors, header);
            String deadlineText = cell(row, columns, Column.DEADLINE);
            Deadline deadline = null;
            try {
                deadline = deadline(deadlineText, defaultYear);
            } catch (DeadlineParser.Unreadable e) {
                rowErrors.add(new RowError(row.number(), header.cell(columns.get(Column.DEADLINE)).strip(), e.getMessage()));
            }
            ItemDraft draft = new ItemDraft(ItemDraft.trim(cell(row, columns, Column.NUMBER)), ItemDraft.trim(cell(row, columns, Column.TITLE)),
                    ItemDraft.trim(cell(row, columns, Column.CONTENT)), ItemDraft.trim(cell(row, columns, Column.UNITS_TEXT)),
                    ItemDraft.trim(deadlineText), deadline == null ? null : deadline.kind(), deadline == null ? null : deadline.dueOn(),
                    assignments);
            boolean unitsMissing = rowErrors.stream().anyMatch(e -> e.message().startsWith("No unit"));
            for (String problem : draft.problems(field -> columnName(field, columns, header), false)) {
                // "assign at least one unit" adds nothing when the row's units could not be found.
                if (!(unitsMissing && problem.startsWith("assign at least one unit"))) {
                    rowErrors.add(new RowError(row.number(), null, problem));
                }
            }
            if (draft.number() != null && numbers.putIfAbsent(draft.number(), row.number()) != null) {
                rowErrors.add(new RowError(row.number(), header.cell(columns.get(Column.NUMBER)).strip(),
                        "the number " + draft.number() + " is already used in row " + numbers.get(draft.number()) + "."));
            }
            errors.addAll(rowErrors);
            drafts.add(draft);
        }
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        return drafts;
    }

    /** 完成时间 text, or an Excel date cell (a day count since 1899-12-30) when the column holds real dates. */
    static Deadline deadline(String text, Integer defaultYear) {
        String trimmed = text == null ? "" : text.strip();
        if (EXCEL_SERIAL.matcher(trimmed).matches()) {
            int days = Integer.parseInt(trimmed);
            if (days >= 36526 && days <= 73415) {
                return new Deadline(DeadlineKind.DATE, LocalDate.of(1899, 12, 30).plusDays(days));
            }
        }
        return DeadlineParser.parse(trimmed, defaultYear);
    }

    private static Map<Column, Integer> columns(SheetReader.Row header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            for (Column column : Column.values()) {
                if (column.names.contains(name)) {
                    if (columns.containsKey(column)) {
                        errors.add(new RowError(header.number(), header.cells().get(i).strip(),
                                "a second column for " + column.names.get(0) + "; keep one."));
                    }
                    columns.put(column, i);
                }
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                errors.add(new RowError(header.number(), null, "no column " + column.names.get(0) + " (" + column.names.get(column.names.size() - 1)
                        + "); the first row must name the columns 序号, 标题, 内容, 牵头单位, 责任单位, 完成时间."));
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        return columns;
    }

    private static String cell(SheetReader.Row row, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null ? null : row.cell(index);
    }

    private static String columnName(String field, Map<Column, Integer> columns, SheetReader.Row header) {
        Column column = switch (field) {
            case "number" -> Column.NUMBER;
            case "title" -> Column.TITLE;
            case "content" -> Column.CONTENT;
            case "unitsText" -> Column.UNITS_TEXT;
            case "deadlineText" -> Column.DEADLINE;
            default -> null;
        };
        return column == null || !columns.containsKey(column) ? field : header.cell(columns.get(column)).strip();
    }

    private static List<String> tokens(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return UNIT_SEPARATORS.splitAsStream(cell).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Every unit token of the file looked up at once, by code or by exact name, among the units the caller can see. */
    private Map<String, List<Unit>> resolveUnits(List<SheetReader.Row> rows, Map<Column, Integer> columns, Predicate<Unit> visible) {
        Set<String> tokens = new LinkedHashSet<>();
        for (SheetReader.Row row : rows) {
            for (Column column : List.of(Column.LEAD, Column.RESPONSIBLE, Column.SUPPORTING)) {
                tokens.addAll(tokens(cell(row, columns, column)));
            }
        }
        Map<String, List<Unit>> byToken = new HashMap<>();
        if (tokens.isEmpty()) {
            return byToken;
        }
        List<Unit> found = em.createQuery("from Unit u where u.code in :tokens or u.name in :tokens", Unit.class)
                .setParameter("tokens", tokens).getResultList();
        for (Unit unit : found) {
            if (!visible.test(unit)) {
                continue;
            }
            if (tokens.contains(unit.code)) {
                byToken.put(unit.code, List.of(unit));
            }
            if (tokens.contains(unit.name) && !byToken.containsKey(unit.name)) {
                byToken.put(unit.name, new ArrayList<>(List.of(unit)));
            } else if (tokens.contains(unit.name) && !unit.code.equals(unit.name)) {
                List<Unit> same = byToken.get(unit.name);
                if (same.stream().noneMatch(u -> u.id.equals(unit.id))) {
                    same.add(unit);
                }
            }
        }
        return byToken;
    }

    private static void assign(SheetReader.Row row, Map<Column, Integer> columns, Column column, AssignmentRole role,
            Map<String, List<Unit>> unitsByToken, List<ItemDraft.UnitRole> assignments, List<RowError> errors, SheetReader.Row header) {
        Set<Long> seen = new HashSet<>();
        for (String token : tokens(cell(row, columns, column))) {
            List<Unit> matches = unitsByToken.get(token);
            String columnName = header.cell(columns.get(column)).strip();
            if (matches == null || matches.isEmpty()) {
                errors.add(new RowError(row.number(), columnName, "No unit you can see has the code or name '" + token
                        + "'; write the unit's code (e.g. GY-YJJ) or its full name."));
            } else if (matches.size() > 1) {
                errors.add(new RowError(row.number(), columnName, "'" + token + "' is the name of " + matches.size()
                        + " units (" + matches.stream().map(u -> u.code).collect(Collectors.joining(", ")) + "); write the code."));
            } else if (seen.add(matches.get(0).id)) {
                assignments.add(new ItemDraft.UnitRole(matches.get(0), role));
            }
        }
    }
}
