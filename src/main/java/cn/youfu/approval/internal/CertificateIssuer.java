package cn.youfu.approval.internal;

import cn.youfu.approval.DecisionView;
import cn.youfu.catalog.Catalog;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEvents.CaseTransitioned;
import cn.youfu.certificates.Certificates;
import cn.youfu.certificates.Holder;
import cn.youfu.certificates.IssueCertificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues the e-certificate of an approved application: at once when the rules approve it, and after an officer
 * approves a referred one (a durable event listener: an approval whose certificate could not be issued yet is
 * retried, never lost).
 */
@Component
class CertificateIssuer {

    static final String CASE_TYPE = "service-application";

    private final Certificates certificates;
    private final Catalog catalog;
    private final CaseEngine cases;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Routing routing;

    CertificateIssuer(Certificates certificates, Catalog catalog, CaseEngine cases, Clock clock,
                      ApplicationEventPublisher events, Routing routing) {
        this.certificates = certificates;
        this.catalog = catalog;
        this.cases = cases;
        this.clock = clock;
        this.events = events;
        this.routing = routing;
    }

    /**
     * Issues the item's certificate for the case, in the name of the department that decided it (a district's body
     * for an item issued by the districts); null when the item issues none.
     */
    DecisionView.Certificate issue(ServiceItem item, String department, String reference, String holderId,
                                   String holderName, LocalDate today) {
        var spec = item.certificate();
        if (spec == null) {
            return null;
        }
        var validUntil = spec.validYears() == null ? null : today.plusYears(spec.validYears()).minusDays(1);
        var issued = certificates.issue(new IssueCertificate(reference, item.code(), item.name(), spec.title(),
                new Holder(holderId, holderName), department, department.equals(item.department())
                        ? spec.issuingAuthority() : routing.name(department, item), today, validUntil,
                Map.of()));
        return new DecisionView.Certificate(issued.id(), issued.number(), issued.validFrom(), issued.validUntil(),
                issued.documentSm3(), issued.downloadPath(), issued.verifyPath());
    }

    /**
     * An officer approved a referred application: in the approving transaction, its certificate is asked for, as a
     * durable event of this module's own. A plain Java check here, so that the engine's other transitions cost no
     * listener condition and store nothing for this module.
     */
    @EventListener
    void on(CaseTransitioned event) {
        if (CASE_TYPE.equals(event.type()) && "approve".equals(event.transition())) {
            events.publishEvent(new CertificateDue(event.reference(), event.at()));
        }
    }

    /** The certificate of an officer's approval: after the approval committed, retried until issued. */
    @ApplicationModuleListener
    void on(CertificateDue due) {
        var view = cases.find(due.reference()).orElseThrow();
        var item = catalog.find(String.valueOf(view.details().get("item"))).orElseThrow();
        var applicant = view.applicant();
        var holder = applicant.subjectId() != null ? applicant.subjectId() : applicant.username();
        issue(item, view.department(), due.reference(), holder, applicant.name(),
                LocalDate.ofInstant(due.approvedAt(), clock.getZone()));
    }

    /** A referred application was approved by an officer at {@code approvedAt}; its certificate is due. */
    record CertificateDue(String reference, Instant approvedAt) {
    }
}
