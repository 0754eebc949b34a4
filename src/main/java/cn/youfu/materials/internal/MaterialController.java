package cn.youfu.materials.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.materials.ExtractedField;
import cn.youfu.materials.MaterialReading;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping(path = "/api/v1/materials", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Materials", description = "Upload a photo or scan of a material; read its fields (OCR)")
class MaterialController {

    private final MaterialService service;
    MaterialController(MaterialService service) {
        this.service = service;
    }

    /** What the uploader and the case's officers see. */
    record MaterialView(String id, String type, String mediaType, String documentSm3, String state,
                        Map<String, ExtractedField> fields, Double minConfidence, String failure,
                        Instant uploadedAt, Instant readAt) {

        static MaterialView of(MaterialReading m, double minConfidence) {
            return new MaterialView(m.id().toString(), m.type(), m.mediaType(), m.documentSm3(), m.state().name(),
                    m.fields(), minConfidence, m.failure(), m.uploadedAt(), m.readAt());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE','OFFICER')")
    @Operation(summary = "Upload a material (JPEG, PNG or PDF, by content); it is read in the background",
            description = "`type` names the material: `id-card-front`, `business-licence` or `residence-permit`. "
                    + "Answers 202 with the id and state PENDING; `GET /api/v1/materials/{id}` gives the fields "
                    + "when READ. Refusals (nothing is stored): unsupported type, too large, too many pixels, "
                    + "encrypted or malformed PDF, content that is not the declared type.")
    ResponseEntity<MaterialView> upload(@RequestParam("file") MultipartFile file, @RequestParam("type") String type,
                                        Authentication authentication) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var stored = service.upload(CurrentUser.of(authentication), type, bytes, file.getContentType(),
                file.getOriginalFilename());
        return ResponseEntity.accepted().location(URI.create("/api/v1/materials/" + stored.id()))
                .body(MaterialView.of(stored, service.minConfidence()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A material: its type, the state of its reading and the fields read with their confidence "
            + "and image region; for the uploader and the officers of a case it is part of; 404 for others")
    MaterialView view(@PathVariable String id, Authentication authentication) {
        var user = CurrentUser.of(authentication);
        var material = service.find(id)
                .filter(m -> service.mayView(user, m))
                .map(m -> service.recordedRead(user, m, "fields"))
                .orElseThrow(() -> MaterialProblems.notFound(id));
        return MaterialView.of(material, service.minConfidence());
    }
}
