package cn.worksafety.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.worksafety.common.ErrorBody;
import cn.worksafety.common.NotFound;
import cn.worksafety.security.Caller;
import cn.worksafety.security.PersonalData;
import cn.worksafety.security.Role;
import io.agroal.api.AgroalDataSource;

/**
 * {@code GET /export/{recordType}.ndjson} (docs/exchange.md): every record of a type the caller
 * may read, one JSON object per line, with the same scoping and masking as GraphQL, and as last
 * line {@code {"endCursor": ..., "records": n}}: the change-feed cursor from which the feed has
 * every change the export may have missed. The rows are read from one REPEATABLE READ snapshot
 * through a database cursor (fetch size {@value #FETCH}), so memory stays constant whatever the
 * number of records. An export without its last line was cut short: start it again.
 */
@Path("/export/{file}")
public class ExportResource {

    private static final Logger LOG = Logger.getLogger(ExportResource.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);
    static final int FETCH = 500;

    /** Personal-data columns and how much of them a masked form keeps (PersonalData). */
    private static final Map<String, int[]> PERSONAL = Map.of("id_number", new int[] { 4, 4 }, "phone", new int[] { 3, 4 },
            "certificate_number", new int[] { 4, 4 });

    @Inject
    Caller caller;

    @Inject
    PersonalData personalData;

    @Inject
    AgroalDataSource dataSource;

    @GET
    public Response export(@PathParam("file") String file) {
        caller.requireAnyOf(Role.values());
        RecordType type = file.endsWith(".ndjson") ? RecordType.parse(file.substring(0, file.length() - ".ndjson".length())) : null;
        if (type == null) {
            throw new NotFound("No export " + file + "; ask for /export/{recordType}.ndjson with a record type of the change "
                    + "feed, e.g. /export/responsibility.ndjson or /export/RESPONSIBILITY_LIST.ndjson.");
        }
        // Everything the stream needs from the request, taken now: the request scope may be gone while it is written.
        String prefix = caller.readablePathPrefix();
        String readable = (prefix == null ? "" : prefix) + "%";
        Long unit = caller.unitId();
        PersonalData.Viewer viewer = personalData.viewer();
        StreamingOutput body = out -> write(type, readable, unit == null ? -1L : unit, viewer, out);
        return Response.ok(body, "application/x-ndjson").build();
    }

    private void write(RecordType type, String readable, long unit, PersonalData.Viewer viewer, OutputStream raw) throws IOException {
        String sql = "select t.*" + (type.personalDataOwner == null ? "" : ", " + type.personalDataOwner + " as owner_unit_")
                + (type.children == null ? "" : ", " + type.children) + " from " + type.table + " t where " + type.visible.replace(
                        ":readable", "?").replace(":unit", "?") + " order by t.id";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                String cursor;
                // The snapshot's first statement: every transaction below its xmin is in the export.
                try (Statement s = connection.createStatement();
                        ResultSet rs = s.executeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")) {
                    rs.next();
                    cursor = new Position(Long.parseLong(rs.getString(1)), 0).encode();
                }
                OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
                long count = 0;
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    bind(ps, type.visible, readable, unit);
                    ps.setFetchSize(FETCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            writeRecord(type, rs, meta, viewer, out);
                            count++;
                        }
                    }
                }
                try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                    g.writeStartObject();
                    g.writeStringField("endCursor", cursor);
                    g.writeNumberField("records", count);
                    g.writeEndObject();
                }
                out.write('\n');
                out.flush();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            // The status line is gone already: the missing last line tells the consumer the export is incomplete.
            LOG.errorf(e, "Export of %s failed", type);
            throw new IOException("export failed", e);
        }
    }

    /** Binds :readable and :unit in the order they appear in the condition. */
    private static void bind(PreparedStatement ps, String condition, String readable, long unit) throws SQLException {
        int index = 1;
        for (int i = condition.indexOf(':'); i >= 0; i = condition.indexOf(':', i + 1)) {
            if (condition.startsWith(":readable", i)) {
                ps.setString(index++, readable);
            } else if (condition.startsWith(":unit", i)) {
                ps.setLong(index++, unit);
            }
        }
    }

    private static void writeRecord(RecordType type, ResultSet rs, ResultSetMetaData meta, PersonalData.Viewer viewer,
            OutputStream out) throws SQLException, IOException {
        Long owner = type.personalDataOwner == null ? null : rs.getLong("owner_unit_");
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeStringField("recordType", type.name());
            g.writeStringField("recordId", rs.getString("id"));
            g.writeFieldName("record");
            g.writeStartObject();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i);
                if (column.endsWith("_")) {
                    continue;
                }
                g.writeFieldName(camel(column));
                int sqlType = meta.getColumnType(i);
                Object value = rs.getObject(i);
                if (value == null) {
                    g.writeNull();
                } else if (PERSONAL.containsKey(column)) {
                    int[] keep = PERSONAL.get(column);
                    g.writeString(viewer.maybeMask(rs.getString(i), owner, keep[0], keep[1]));
                } else if (column.equals("id") || column.endsWith("_id")) {
                    g.writeString(rs.getString(i)); // GraphQL IDs are strings
                } else if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE || "timestamptz".equals(meta.getColumnTypeName(i))) {
                    g.writeString(rs.getObject(i, OffsetDateTime.class).toString());
                } else if (value instanceof Number || value instanceof Boolean) {
                    g.writeRawValue(rs.getString(i).equals("t") ? "true" : rs.getString(i).equals("f") ? "false" : rs.getString(i));
                } else if (value instanceof Array array) {
                    g.writeStartArray();
                    for (Object element : (Object[]) array.getArray()) {
                        g.writeString(String.valueOf(element));
                    }
                    g.writeEndArray();
                } else if (type == RecordType.HAZARD && column.equals("interviews")) {
                    writeInterviews(g, rs.getString(i), rs.getLong("unit_id"), rs.getLong("supervising_unit_id"), viewer);
                } else if ("json".equals(meta.getColumnTypeName(i)) || "jsonb".equals(meta.getColumnTypeName(i))) {
                    g.writeRawValue(rs.getString(i));
                } else {
                    g.writeString(rs.getString(i)); // text, dates (ISO)
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /**
     * A hazard's interviews with the names of who held them and who was interviewed masked as the
     * hazard feature masks them (PersonalData.personName: whole for the hazard's or the supervising
     * unit's own users, coordinators and admins).
     */
    private static void writeInterviews(JsonGenerator g, String json, long unitId, long supervisingUnitId,
            PersonalData.Viewer viewer) throws IOException {
        ArrayNode interviews = (ArrayNode) MAPPER.readTree(json);
        for (JsonNode node : interviews) {
            ObjectNode interview = (ObjectNode) node;
            for (String name : new String[] { "heldBy", "interviewee" }) {
                interview.put(name, viewer.personName(interview.get(name).asText(), unitId, supervisingUnitId));
            }
        }
        g.writeRawValue(MAPPER.writeValueAsString(interviews));
    }

    static String camel(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    @ServerExceptionMapper
    Response failure(RuntimeException e) {
        return e instanceof WebApplicationException web ? web.getResponse() : ErrorBody.of(e).response(Map.of());
    }
}
