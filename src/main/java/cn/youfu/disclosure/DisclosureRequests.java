package cn.youfu.disclosure;

import cn.youfu.identity.CurrentUser;
import java.time.LocalDate;
import java.util.List;

/**
 * Requests for government information (依申请公开), for the API and the pages. Each method runs in one transaction with
 * the case's transition and the ledger's record; a refusal changes nothing. Refusals are problem exceptions: 400 (bad
 * input), 403 (a role or a department that may not), 404 (no such request, or not the caller's to see), 409 (not now:
 * the state, a correction already asked for or asked too late, an extension after the deadline). Dates are China
 * Standard Time.
 */
public interface DisclosureRequests {

    /** A resident or an enterprise asks; their identity comes from the sign-in, never from the request. */
    RequestView submit(NewRequest request, CurrentUser applicant);

    /**
     * The request as the viewer may see it: the applicant their own, officers their department's, supervisors and
     * administrators all.
     */
    RequestView view(String reference, CurrentUser viewer);

    /** The reply period explained day by day (counted, skipped, paused), for the same viewers as {@link #view}. */
    DisclosureClock.Explanation clock(String reference, CurrentUser viewer);

    /**
     * The department's officer asks the applicant, once and within 7 working days of receipt, to correct an unclear
     * request: what to correct, and within how many working days (Art. 30). The clock stands still meanwhile.
     */
    RequestView requestCorrection(String reference, String whatToCorrect, Integer workingDays, CurrentUser officer);

    /** The applicant sends the corrected request: a new receipt; the 20 working days start again. */
    RequestView correct(String reference, String correctedDescription, CurrentUser applicant);

    /**
     * The officer consults a third party (it has 15 working days, Art. 32) or another agency (Art. 33): the clock
     * stands still until the opinion is recorded (or the third party's time runs out).
     *
     * @param party {@code third-party} or {@code agency}
     * @param who   whom (not shown publicly)
     */
    RequestView consult(String reference, String party, String who, String what, CurrentUser officer);

    /** The officer records the consulted party's opinion: the clock runs again. */
    RequestView endConsultation(String reference, String opinion, CurrentUser officer);

    /**
     * The head of the department's disclosure office (a supervisor of the department) extends the reply period by 20
     * working days, once, before the deadline, with the reason told to the applicant (Art. 33).
     */
    RequestView extend(String reference, String reason, CurrentUser supervisor);

    /** The applicant withdraws the request before the reply. */
    RequestView withdraw(String reference, CurrentUser applicant);

    /**
     * The department's officer replies in one of the ways the law types (Art. 36, 37): the case closes and a signed
     * reply letter (答复告知书, PDF, SM2) is issued stating the remedy for that reply.
     */
    ReplyView reply(String reference, Reply reply, CurrentUser officer);

    /** The reply, for the viewers of {@link #view}; 404 problem before there is one. */
    ReplyView replyOf(String reference, CurrentUser viewer);

    /** The signed reply letter's PDF, for the viewers of {@link #view}; 404 problem before there is one. */
    LetterFile letter(String reference, CurrentUser viewer);

    /**
     * A file provided with the reply, by its SM3 fingerprint, for the viewers of {@link #view}; 404 problem for a file
     * that is not one of the reply's.
     */
    ProvidedFile file(String reference, String sm3, CurrentUser viewer);

    /**
     * What anyone may learn of a reply letter from the id printed on it: whether it is authentic, its number, agency
     * (named), reply type (named) and date — never the applicant or the request's words.
     */
    LetterCheck verifyLetter(String letterId);

    /**
     * @param status {@code VALID}, {@code TAMPERED} (the stored PDF was altered), {@code SIGNATURE_INVALID}, or
     *               {@code UNKNOWN} (no letter has this id or these bytes)
     */
    record LetterCheck(boolean valid, String status, String letterNumber, String agency, String type,
                       LocalDate repliedOn, String documentSm3) {
    }

    /**
     * The agency records a reconsideration or a lawsuit brought against its reply, and its result (the annual
     * report's table 4); its department's staff.
     */
    RecordedRemedy recordRemedy(String reference, NewRemedy remedy, CurrentUser staff);

    /**
     * @param kind      {@code reconsideration}, {@code litigation} or {@code litigation-after-reconsideration}
     * @param result    {@code upheld}, {@code corrected}, {@code other} or {@code pending} (the default)
     * @param decidedOn null while pending
     */
    record NewRemedy(String kind, String result, LocalDate filedOn, LocalDate decidedOn) {
    }

    record RecordedRemedy(String reference, String kind, String result, LocalDate filedOn, LocalDate decidedOn) {
    }

    /**
     * A reply.
     *
     * @param type        {@code already-public}, {@code disclosed}, {@code partially-disclosed}, {@code not-disclosed},
     *                    {@code not-held}, {@code not-this-agency}, {@code repeat-request} or {@code special-law}
     * @param text        the answer in the agency's words (required): what is provided and how, the search made,
     *                    the reasons
     * @param location    where the information can be found (required for {@code already-public})
     * @param withheld    which parts are withheld (required for {@code partially-disclosed})
     * @param grounds     the Art. 14–16 grounds ({@link WithholdingGround} codes; required when withholding)
     * @param otherAgency the agency that holds it, if known ({@code not-this-agency})
     * @param fee         a processing fee (Art. 42), only for information provided; null for none
     * @param files       the information provided, when disclosed in whole or in part (at most 5, 10 MB each);
     *                    null for none
     */
    record Reply(String type, String text, String location, String withheld, List<String> grounds,
                 String otherAgency, FeeRequest fee, List<Attachment> files) {
    }

    /**
     * A file provided with a reply.
     *
     * @param mediaType {@code application/pdf}, {@code image/jpeg}, {@code image/png} or {@code text/plain}
     * @param content   its bytes (base64 in JSON)
     */
    record Attachment(String name, String mediaType, byte[] content) {
    }

    /** A provided file as listed with the reply and on its letter. */
    record FileRef(String name, String mediaType, String sm3, long size) {
    }

    /** A provided file's bytes, for download. */
    record ProvidedFile(String name, String mediaType, byte[] bytes) {
    }

    /**
     * @param method {@code by-item} (the applicant's requests this month) or {@code by-volume}
     * @param pages  the pages provided, for {@code by-volume}
     */
    record FeeRequest(String method, Integer pages) {
    }

    /**
     * A reply as its applicant and the agency see it.
     *
     * @param remedy  the remedy the letter states, in the viewer's words
     * @param feeYuan 0 when free; {@code feeRule} says by which rule it was counted
     */
    record ReplyView(String reference, String type, String typeName, String text, String location, String withheld,
                     List<String> grounds, String otherAgency, List<FileRef> files, int feeYuan, String feeRule,
                     LocalDate repliedOn,
                     boolean onTime, String letterNumber, String letterId, String documentSm3, String remedy,
                     boolean reconsiderationFirst) {
    }

    /** A reply letter's PDF and its number (for the file name). */
    record LetterFile(String number, byte[] bytes) {
    }

    /**
     * What the applicant asks (Art. 29).
     *
     * @param agency         the department asked (its code); null for the city government's office
     * @param description    the information wanted: its name, number or a description that lets it be found
     * @param documentTitle  optional: the document's title
     * @param documentNumber optional: its number (文号)
     * @param delivery       how to receive it: {@code online}, {@code email}, {@code post} or {@code pickup}
     * @param phone          contact phone, required
     * @param email          required for {@code email}
     * @param address        required for {@code post}
     */
    record NewRequest(String agency, String description, String documentTitle, String documentNumber,
                      String delivery, String phone, String email, String address) {
    }

    /**
     * A request as one viewer may see it.
     *
     * @param applicant  null for viewers who may not see the applicant (none today: only the applicant and staff see
     *                   a request)
     * @param deadline   the last day to reply; null while the clock stands still or once answered
     * @param actions    what this viewer may do now, by action name
     */
    record RequestView(String reference, String state, String stateName, boolean closed, String agency,
                       String description, String documentTitle, String documentNumber, String delivery,
                       LocalDate receivedOn, String correctedDescription, LocalDate correctedOn, Applicant applicant,
                       LocalDate deadline, boolean paused, int extensions, Boolean onTime, List<Step> steps,
                       List<String> actions) {
    }

    /** @param kind {@code resident} or {@code enterprise}; {@code id} the ID number or credit code, masked */
    record Applicant(String kind, String name, String id, String phone, String email, String address) {
    }

    /**
     * A step of the agency's that the applicant was told of.
     *
     * @param kind    {@code correction}, {@code third-party}, {@code agency} or {@code extension}
     * @param dueOn   by when (the correction, the third party's opinion); null when none
     * @param endedOn when the pause ended; null while it lasts or for an extension
     * @param outcome {@code corrected}, {@code abandoned}, {@code answered}, {@code lapsed}, or null
     */
    record Step(String kind, LocalDate startedOn, LocalDate dueOn, LocalDate endedOn, Integer days, String text,
                String outcome) {
    }
}
