package cn.youfu.disclosure.internal;

import cn.youfu.platform.ProblemException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The disclosure module's named refusals. */
final class DisclosureProblems extends ProblemException {

    private DisclosureProblems(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(status, code, arguments, properties);
    }

    /** No such request, or not one the caller may see: the same answer. */
    static DisclosureProblems notFound(String reference) {
        return new DisclosureProblems(HttpStatus.NOT_FOUND, "disclosure-request-not-found", new Object[] {reference},
                Map.of("reference", reference));
    }

    /** Staff of another department may not act on the request. */
    static DisclosureProblems otherDepartment(String reference, String department) {
        return new DisclosureProblems(HttpStatus.FORBIDDEN, "disclosure-other-department",
                new Object[] {department}, Map.of("reference", reference, "department", department));
    }

    /** A correction may be asked for once only (Art. 30). */
    static DisclosureProblems correctionAlreadyAsked(String reference, LocalDate askedOn) {
        return new DisclosureProblems(HttpStatus.CONFLICT, "disclosure-correction-once", new Object[] {askedOn},
                Map.of("reference", reference, "askedOn", askedOn.toString()));
    }

    /** A correction is asked for within 7 working days of receipt (Art. 30). */
    static DisclosureProblems correctionTooLate(String reference, LocalDate lastDay) {
        return new DisclosureProblems(HttpStatus.CONFLICT, "disclosure-correction-too-late", new Object[] {lastDay},
                Map.of("reference", reference, "lastDay", lastDay.toString()));
    }

    /** The step needs a state the request is not in (e.g. ending a consultation when none is under way). */
    static DisclosureProblems noConsultation(String reference) {
        return new DisclosureProblems(HttpStatus.CONFLICT, "disclosure-no-consultation", new Object[] {reference},
                Map.of("reference", reference));
    }

    /** The request has no reply yet. */
    static DisclosureProblems noReply(String reference) {
        return new DisclosureProblems(HttpStatus.NOT_FOUND, "disclosure-no-reply", new Object[] {reference},
                Map.of("reference", reference));
    }

    /** The stored letter no longer matches its fingerprint: it is not handed out. */
    static DisclosureProblems letterDamaged(String number) {
        return new DisclosureProblems(HttpStatus.CONFLICT, "disclosure-letter-damaged",
                new Object[] {number}, Map.of("letterNumber", number));
    }

    static DisclosureProblems documentNotFound(String id) {
        return new DisclosureProblems(HttpStatus.NOT_FOUND, "disclosure-document-not-found", new Object[] {id},
                Map.of("id", id));
    }

    /** A withdrawn document is neither replaced nor withdrawn again; its history stays as it is. */
    static DisclosureProblems documentWithdrawn(String id) {
        return new DisclosureProblems(HttpStatus.CONFLICT, "disclosure-document-withdrawn", new Object[] {id},
                Map.of("id", id));
    }

    static DisclosureProblems categoryNotFound(String category) {
        return new DisclosureProblems(HttpStatus.NOT_FOUND, "disclosure-category-not-found", new Object[] {category},
                Map.of("category", category));
    }

    static DisclosureProblems fileNotFound(String sm3) {
        return new DisclosureProblems(HttpStatus.NOT_FOUND, "disclosure-file-not-found", new Object[] {sm3},
                Map.of("sm3", sm3));
    }
}
