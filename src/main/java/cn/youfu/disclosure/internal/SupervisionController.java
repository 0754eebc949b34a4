package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.DisclosureSupervision;
import cn.youfu.disclosure.DisclosureSupervision.Figures;
import cn.youfu.disclosure.DisclosureSupervision.InboxLine;
import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/disclosure", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Disclosure supervision", description = "At-risk requests first; on-time reply rates")
class SupervisionController {

    private final DisclosureSupervision supervision;
    private final Clock clock;

    SupervisionController(DisclosureSupervision supervision, Clock clock) {
        this.supervision = supervision;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    @PreAuthorize("hasAnyRole('OFFICER','REVIEWER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Open requests, those within 3 working days of their deadline (or past it) first")
    List<InboxLine> inbox(Authentication authentication) {
        return supervision.inbox(CurrentUser.of(authentication));
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Operation(summary = "On-time reply rate per department and overall (replies in [from, to]; default this year)")
    Figures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var today = DisclosureService.today(clock);
        var earliest = LocalDate.of(2008, 1, 1);
        var start = from == null ? today.withDayOfYear(1) : Parameters.date("from", from, earliest, today);
        var end = to == null ? today : Parameters.date("to", to, earliest, today);
        return supervision.figures(start, end);
    }
}
