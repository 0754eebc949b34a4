package cn.youfu.sources.internal;

import cn.youfu.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import cn.youfu.platform.YoufuSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/sources", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Data sources", description = "数据共享: the sources approvals check; uploads and the outage switch")
class SourcesController {

    private final Connectors connectors;
    private final SourceAvailability availability;
    private final RecordsUpload upload;
    private final SourcesSettings settings;
    private final JdbcClient jdbc;
    private final YoufuSettings youfu;

    SourcesController(Connectors connectors, SourceAvailability availability, RecordsUpload upload,
                      SourcesSettings settings, JdbcClient jdbc, YoufuSettings youfu) {
        this.youfu = youfu;
        this.connectors = connectors;
        this.availability = availability;
        this.upload = upload;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /**
     * @param mode      {@code embedded} or {@code http}
     * @param available false while switched off
     * @param records   rows in the embedded table (also in http mode, where they are not used)
     */
    record SourceStatus(String name, String title, String mode, boolean available, long records) {
    }

    record AvailabilityRequest(Boolean available) {
    }

    @GetMapping
    @Operation(summary = "Every source with its mode, whether it is switched on, and its embedded record count")
    List<SourceStatus> list() {
        var switches = availability.all();
        return SourceCatalog.ALL.stream().map(d -> status(d, switches.getOrDefault(d.name(), true))).toList();
    }

    @PutMapping(path = "/{source}/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Switch a source off (simulated outage: every lookup answers UNAVAILABLE on every "
            + "instance) or on again; recorded in the ledger")
    SourceStatus switchSource(@PathVariable String source, @RequestBody AvailabilityRequest request,
                              Authentication authentication) {
        var definition = definition(source);
        if (request == null || request.available() == null) {
            throw InvalidParameterException.missing("available");
        }
        availability.set(definition.name(), request.available(), authentication.getName());
        return status(definition, request.available());
    }

    @PutMapping(path = "/{source}/records", consumes = "text/csv")
    @Operation(summary = "Demo only: upsert records from CSV (header row = column names); all rows or none",
            description = "Every row is validated; one bad row refuses the whole upload with each bad row's number "
                    + "(the header is row 1) and reason. Column names per source: docs/demo-data.md. In production "
                    + "the sources are the data-sharing platform's and this answers 403.")
    RecordsUpload.Result upload(@PathVariable String source, HttpServletRequest request,
                                Authentication authentication) throws IOException {
        var definition = definition(source);
        if (!youfu.demo()) {
            throw SourceProblems.uploadDemoOnly(source);
        }
        long max = settings.upload().maxSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw SourceProblems.tooLarge(source, max);
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            throw SourceProblems.tooLarge(source, max);
        }
        return upload.upload(definition, body, authentication.getName());
    }

    @GetMapping("/{source}/records/{key}")
    @Operation(summary = "Look a key up in a source as an approval would (the answer in its canonical JSON form)")
    ResponseEntity<String> lookup(@PathVariable String source, @PathVariable String key) {
        var definition = definition(source);
        var column = definition.columns().stream().filter(c -> c.name().equals(definition.lookup())).findFirst()
                .orElseThrow();
        String normalised;
        try {
            normalised = (String) column.parse(key, null);
        } catch (IllegalArgumentException e) {
            throw InvalidParameterException.because("key", "source-key", e.getMessage());
        }
        var answer = connectors.of(definition.name()).fetch(normalised);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(SourceJson.MAPPER.writeValueAsString(answer));
    }

    private static SourceDefinition<?> definition(String source) {
        return SourceCatalog.find(source).orElseThrow(() -> SourceProblems.unknown(source));
    }

    private SourceStatus status(SourceDefinition<?> definition, boolean available) {
        long records = jdbc.sql("SELECT count(*) FROM " + definition.qualifiedTable()).query(Long.class).single();
        return new SourceStatus(definition.name(), definition.title(), connectors.of(definition.name()).mode(),
                available, records);
    }
}
