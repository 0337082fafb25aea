package cn.worksafety.responsibility;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cn.worksafety.common.DatabaseFailure;
import cn.worksafety.common.DomainException;
import cn.worksafety.common.InvalidInput;

/**
 * {@code POST /import/responsibility-lists}: a multipart form with the spreadsheet ({@code file},
 * .xlsx or .csv) and the list's fields ({@code title}, {@code documentNumber}, {@code issuerId}
 * or {@code issuerCode}, {@code issuedOn}), with the caller's bearer token. 201 with the new
 * list's id and item count, or an error in the service's codes: 400 BAD_USER_INPUT with
 * {@code errors: [{row, column, message}]} for every problem of the file (nothing written),
 * 401 UNAUTHENTICATED, 403 FORBIDDEN.
 */
@Path("/import/responsibility-lists")
public class ResponsibilityImportResource {

    private static final Logger LOG = Logger.getLogger(ResponsibilityImportResource.class);

    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    @Inject
    ResponsibilityImporter importer;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String title, @RestForm String documentNumber,
            @RestForm String issuerId, @RestForm String issuerCode, @RestForm String issuedOn) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw new InvalidInput("Send the spreadsheet as the form field 'file'.");
        }
        if (file.size() > MAX_FILE_BYTES) {
            throw new InvalidInput("The file is larger than 10 MB; upload the list only.");
        }
        LocalDate issued = null;
        if (issuedOn != null && !issuedOn.isBlank()) {
            try {
                issued = LocalDate.parse(issuedOn.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInput("'issuedOn' must be a date like 2022-06-13, was " + issuedOn + ".");
            }
        }
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        ResponsibilityImporter.Imported imported = importer.importList(
                new ResponsibilityImporter.ListFields(title, documentNumber, issuerId, issuerCode, issued), bytes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", String.valueOf(imported.list().id));
        body.put("title", imported.list().title);
        body.put("items", imported.items());
        return Response.status(Response.Status.CREATED).entity(body).build();
    }

    @ServerExceptionMapper
    Response domainFailure(DomainException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        if (e instanceof ResponsibilityImporter.Rejected rejected) {
            body.put("errors", rejected.errors());
        }
        int status = switch (e.code()) {
            case "UNAUTHENTICATED" -> 401;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            case "CONFLICT" -> 409;
            default -> 400;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web) {
            return web.getResponse();
        }
        // A statement timeout or a constraint answers like on the GraphQL endpoint, not HTTP 500.
        DomainException known = DatabaseFailure.translate(e).orElse(null);
        if (known != null) {
            return domainFailure(known);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Internal error in the import, reference %s", reference);
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("code", "INTERNAL", "message", "Internal error; quote reference " + reference + " to support.",
                        "errors", List.of()))
                .build();
    }
}
