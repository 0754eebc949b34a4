package cn.youfu.approval.internal;

import cn.youfu.cases.CaseView;
import cn.youfu.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
@EnableConfigurationProperties(ApprovalSettings.class)
@Tag(name = "Applications", description = "秒批: a lawful answer in the same request")
class ApplicationController {

    private final ApplicationService service;

    ApplicationController(ApplicationService service) {
        this.service = service;
    }

    /**
     * @param form      the item's form fields; the applicant's identity comes from the token, never from here
     * @param materials the materials submitted: material code → id of a material the applicant uploaded
     *                  ({@code POST /api/v1/materials})
     */
    record SubmitRequest(String item, Map<String, Object> form, Map<String, String> materials) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    @Operation(summary = "Apply for a service item and get the decision at once",
            description = "`decision` is APPROVED (with the e-certificate), REJECTED (every reason, its legal basis "
                    + "and the remedies) or MANUAL_REVIEW (an officer decides by the statutory deadline). Send an "
                    + "`Idempotency-Key` header to make retries safe: the same key returns the first answer.")
    ResponseEntity<String> submit(@RequestBody SubmitRequest request,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                  Authentication authentication) {
        var answer = service.submit(CurrentUser.of(authentication), request.item(), request.form(),
                request.materials(), idempotencyKey);
        var response = ResponseEntity.status(HttpStatus.valueOf(answer.status()))
                .contentType(MediaType.APPLICATION_JSON);
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        } else {
            response.location(URI.create("/api/v1/cases/" + answer.reference()));
        }
        return response.body(answer.body());
    }

    record HumanReviewRequest(String comment) {
    }

    @PostMapping(path = "/{reference}/human-review")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    @Operation(summary = "Refuse a decision made by the rules alone and ask for an officer to review it",
            description = "个人信息保护法 Art. 24(3). The same case reopens into manual review, on the item's statutory "
                    + "clock from today, and the ledger records it. 409 when the case was not refused by the rules "
                    + "(an officer's refusal, an approval), 404 when it is not yours. Optional body "
                    + "`{\"comment\": \"…\"}`.")
    CaseView humanReview(@PathVariable String reference,
                         @RequestBody(required = false) HumanReviewRequest request, Authentication authentication) {
        return service.requestHumanReview(CurrentUser.of(authentication), reference,
                request == null ? null : request.comment());
    }
}
