package cn.worksafety.responsibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Converts the Guangyuan ETDZ implementation opinions (seed 002, kept in
 * service/src/test/resources/seeds and on this module's test classpath through the service's
 * test-jar) into the import format of {@link ResponsibilityImporter}: one row
 * per numbered measure with its number, title, full text, LEAD / RESPONSIBLE / SUPPORTING unit
 * codes, 完成时间 and 责任单位 exactly as written. Its output is checked in as
 * src/main/resources/sample/guangyuan-2022-list.csv, which local mode loads through the same
 * import path real users take; {@code GuangyuanListConverterTest} proves the two agree. It lives
 * in the responsibility package (of local mode's tests) for the importer's package-private sheet
 * reader and deadline parser: its output must read as the importer reads it.
 *
 * <p>Roles, from the wording of 责任单位: units marked 牵头 are LEAD; without such a mark the
 * first-named unit is LEAD; units marked 配合 or 协助 are SUPPORTING; every other named unit is
 * RESPONSIBLE (负责, 按职责分工负责). A collective name expands to the units it covers
 * (各镇(街道) is both towns) or, where the document does not say which departments it means
 * (区级有关部门 …), to a unit standing for that group (sample/responsibility-units.csv).
 */
final class GuangyuanListConverter {

    record UnitRole(String code, AssignmentRole role) {
    }

    record Measure(String number, String title, String content, String unitsText, String deadlineText, List<UnitRole> units) {
        List<String> codes(AssignmentRole role) {
            return units.stream().filter(u -> u.role() == role).map(UnitRole::code).toList();
        }

        /** The paragraph of the document this measure was read from, rebuilt from its parts. */
        String paragraph() {
            return number + title + "。" + content + "(责任单位:" + unitsText + ",完成时间:" + deadlineText + ")";
        }
    }

    /** Every unit name of the document's 责任单位, after its role wording is taken off, and the units it means. */
    static final Map<String, List<String>> UNITS = new LinkedHashMap<>();

    static {
        List<String> towns = List.of("GY-PLZ", "GY-YJBJD");
        UNITS.put("各镇(街道)党(工)委", towns);
        UNITS.put("镇(街道)党(工)委", towns);
        UNITS.put("各镇(街道)", towns);
        UNITS.put("区安办", List.of("GY-AB"));
        UNITS.put("区安委会", List.of("GY-AWH"));
        UNITS.put("区应急管理局", List.of("GY-YJJ"));
        UNITS.put("区党群人事部", List.of("GY-DQRS"));
        UNITS.put("区纪检监察工委", List.of("GY-JJJC"));
        UNITS.put("区财政局", List.of("GY-CZJ"));
        UNITS.put("区社会事务保障局", List.of("GY-SHSW"));
        UNITS.put("区司法分局", List.of("GY-SFFJ"));
        UNITS.put("区建设环保局", List.of("GY-JSHB"));
        UNITS.put("区发展改革局", List.of("GY-FGJ"));
        UNITS.put("区经济商务局", List.of("GY-JJSW"));
        UNITS.put("区自然资源事务中心", List.of("GY-ZRZY"));
        UNITS.put("区目督办", List.of("GY-MDB"));
        UNITS.put("区公安分局", List.of("GY-GAFJ"));
        UNITS.put("区城管大队", List.of("GY-CGDD"));
        UNITS.put("区总工会", List.of("GY-ZGH"));
        UNITS.put("各园区攻坚指挥部", List.of("GY-GJZHB"));
        UNITS.put("各园区指挥部", List.of("GY-GJZHB"));
        UNITS.put("各有关部门", List.of("GY-QJYGBM"));
        UNITS.put("区级有关部门", List.of("GY-QJYGBM"));
        UNITS.put("区级各有关部门", List.of("GY-QJYGBM"));
        UNITS.put("区级负有安全生产监督管理职责的部门", List.of("GY-QJJGBM"));
        UNITS.put("区级各负有安全生产监督管理职责的部门", List.of("GY-QJJGBM"));
        UNITS.put("区级负有安全生产执法权的部门", List.of("GY-QJZFBM"));
        UNITS.put("区级各行业主管部门", List.of("GY-QJHYBM"));
        UNITS.put("区级有关行业主管部门", List.of("GY-QJHYBM"));
        UNITS.put("区级各有关行业主管部门", List.of("GY-QJHYBM"));
    }

    /** Wording after a unit name that says how it takes part, longest first. */
    private static final List<String> RESPONSIBLE_WORDING = List.of("负责督促相关企业落实", "负责督促企业落实", "按照职责分工负责",
            "按职责分工负责", "等有关部门", "等部门");

    private static final Pattern MEASURE = Pattern.compile(
            "^(\\([一二三四五六七八九十]+\\))([^。]+)。(.*)\\(责任单位:(.*),完成时间:([^,()]+)\\)$");

    private GuangyuanListConverter() {
    }

    static List<Measure> measures(String document) {
        List<Measure> measures = new ArrayList<>();
        for (String line : document.split("\\R")) {
            if (!line.matches("^\\([一二三四五六七八九十]+\\).*")) {
                continue;
            }
            Matcher m = MEASURE.matcher(line.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("A numbered paragraph without 责任单位 and 完成时间: " + line);
            }
            measures.add(new Measure(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), units(m.group(4))));
        }
        return measures;
    }

    /** 责任单位 text -> unit codes with roles (see the class comment). */
    static List<UnitRole> units(String text) {
        record Named(String name, boolean lead, boolean supporting) {
        }
        List<Named> named = new ArrayList<>();
        for (String token : text.split("[,、]")) {
            String name = token.strip();
            boolean lead = false;
            boolean supporting = false;
            boolean stripped = true;
            while (stripped) {
                stripped = false;
                for (String wording : RESPONSIBLE_WORDING) {
                    if (name.endsWith(wording)) {
                        name = name.substring(0, name.length() - wording.length());
                        stripped = true;
                    }
                }
                if (name.endsWith("牵头")) {
                    name = name.substring(0, name.length() - 2);
                    lead = stripped = true;
                }
                if (name.endsWith("配合") || name.endsWith("协助")) {
                    name = name.substring(0, name.length() - 2);
                    supporting = stripped = true;
                }
            }
            if (!UNITS.containsKey(name)) {
                throw new IllegalArgumentException("No unit for '" + name + "' in 责任单位 '" + text + "'");
            }
            named.add(new Named(name, lead, supporting));
        }
        boolean anyLead = named.stream().anyMatch(Named::lead);
        Map<String, AssignmentRole> roles = new LinkedHashMap<>();
        for (int i = 0; i < named.size(); i++) {
            Named n = named.get(i);
            AssignmentRole role = (anyLead ? n.lead() : i == 0) ? AssignmentRole.LEAD
                    : n.supporting() ? AssignmentRole.SUPPORTING : AssignmentRole.RESPONSIBLE;
            for (String code : UNITS.get(n.name())) {
                roles.putIfAbsent(code, role);
            }
        }
        return roles.entrySet().stream().map(e -> new UnitRole(e.getKey(), e.getValue())).toList();
    }

    /** The measures in the import format (CSV, UTF-8, header row first). */
    static String csv(List<Measure> measures) {
        StringBuilder out = new StringBuilder("序号,标题,内容,牵头单位,责任单位,配合单位,完成时间,责任单位原文\n");
        for (Measure m : measures) {
            out.append(List.of(m.number(), m.title(), m.content(), String.join("、", m.codes(AssignmentRole.LEAD)),
                    String.join("、", m.codes(AssignmentRole.RESPONSIBLE)), String.join("、", m.codes(AssignmentRole.SUPPORTING)),
                    m.deadlineText(), m.unitsText()).stream().map(GuangyuanListConverter::quote).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
