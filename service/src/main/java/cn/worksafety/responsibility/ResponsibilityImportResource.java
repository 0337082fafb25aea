package cn.worksafety.responsibility;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cn.worksafety.common.ErrorBody;
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

    /** Every failure carries {@code errors}: the file's problems row by row, empty when no row is at fault. */
    @ServerExceptionMapper
    Response failure(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            return web.getResponse();
        }
        return ErrorBody.of(e).response(Map.of("errors",
                e instanceof ResponsibilityImporter.Rejected rejected ? rejected.errors() : List.of()));
    }
}
