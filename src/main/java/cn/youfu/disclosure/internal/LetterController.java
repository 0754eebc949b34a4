package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.DisclosureRequests.LetterCheck;
import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/disclosure/letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Disclosure reply letters", description = "Verify a reply letter (public, nothing personal)")
@PublicEndpoint
class LetterController {

    private final LetterVerification verification;

    LetterController(LetterVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/{id}/verify")
    @Operation(summary = "Verify a reply letter by its id (the address printed on it)")
    LetterCheck verify(@PathVariable String id) {
        return verification.byId(parse(id));
    }

    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Verify a reply letter's PDF as you hold it: its bytes must be the signed ones")
    LetterCheck verifyFile(@RequestBody byte[] pdf) {
        return verification.byFile(pdf);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
