package cn.youfu.disclosure.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.disclosure.DisclosureEvents.DocumentPublished;
import cn.youfu.disclosure.DisclosureEvents.DocumentWithdrawn;
import cn.youfu.disclosure.OpenCategory;
import cn.youfu.disclosure.OpenDocuments;
import cn.youfu.disclosure.internal.PublicDocuments.Document;
import cn.youfu.disclosure.internal.PublicDocuments.StoredVersion;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.Parameters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishing, replacing and withdrawing proactive disclosures, and reading them. */
@Service
class OpenDocumentService implements OpenDocuments {

    /** Working days after the information is formed or changed within which it is published (Art. 26). */
    static final int DUE_WORKING_DAYS = 20;

    private final PublicDocuments documents;
    private final Words words;
    private final Calendars calendars;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpenDocumentService(PublicDocuments documents, Words words, Calendars calendars,
                        ApplicationEventPublisher events, Clock clock) {
        this.documents = documents;
        this.words = words;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OpenDocument publish(NewDocument in, CurrentUser officer) {
        var department = requireOfficer(officer);
        var category = OpenCategory.of(in == null ? null : in.category()).orElseThrow(() ->
                in == null || in.category() == null ? InvalidParameterException.missing("category")
                        : InvalidParameterException.because("category", "one-of", in.category(), categories()));
        var now = clock.instant();
        var id = documents.nextId(DisclosureService.today(clock).getYear());
        documents.insert(new Document(id, category.code(), department, null, null), now, officer.username());
        var version = version(id, 1, in, null, officer);
        documents.insert(version);
        events.publishEvent(new DocumentPublished(id, officer.username(), now, category.code(), department, 1,
                version.formedOn(), version.dueOn(), version.late()));
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public OpenDocument replace(String id, NewDocument in, String changeNote, CurrentUser officer) {
        var document = own(id, officer);
        if (document.withdrawnOn() != null) {
            throw DisclosureProblems.documentWithdrawn(id);
        }
        var previous = documents.versions(id).get(0);
        if (in == null) {
            throw InvalidParameterException.missing("title");
        }
        var version = version(id, previous.version() + 1, in,
                Parameters.requiredText("changeNote", changeNote, 500), officer);
        documents.insert(version);
        events.publishEvent(new DocumentPublished(id, officer.username(), version.publishedAt(),
                document.category(), document.department(), version.version(), version.formedOn(), version.dueOn(),
                version.late()));
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public OpenDocument withdraw(String id, String reason, CurrentUser officer) {
        own(id, officer);
        var why = Parameters.requiredText("reason", reason, 500);
        if (!documents.withdraw(id, DisclosureService.today(clock), PublicText.masked(why), officer.username())) {
            throw DisclosureProblems.documentWithdrawn(id);
        }
        events.publishEvent(new DocumentWithdrawn(id, officer.username(), clock.instant(), why));
        return find(id).orElseThrow();
    }

    /** A version checked and masked for the public, with its due date and whether it is late. */
    private StoredVersion version(String id, int number, NewDocument in, String changeNote, CurrentUser officer) {
        var title = PublicText.masked(Parameters.requiredText("title", in.title(), 200));
        var body = PublicText.masked(Parameters.requiredText("body", in.body(), 100_000));
        var documentNumber = PublicText.masked(Parameters.text("documentNumber", in.documentNumber(), 100));
        var today = DisclosureService.today(clock);
        if (in.formedOn() == null) {
            throw InvalidParameterException.missing("formedOn");
        }
        if (in.formedOn().isAfter(today) || in.formedOn().isBefore(today.minusYears(50))) {
            throw InvalidParameterException.outOfRange("formedOn", in.formedOn(), today.minusYears(50), today);
        }
        var due = calendars.current().deadline(in.formedOn(), DUE_WORKING_DAYS).deadline();
        return new StoredVersion(id, number, title, documentNumber, body, in.formedOn(), today, due,
                today.isAfter(due), changeNote == null ? null : PublicText.masked(changeNote), clock.instant(),
                officer.username(), words.of(title + "\n" + (documentNumber == null ? "" : documentNumber) + "\n"
                        + body));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OpenDocument> find(String id) {
        return (id == null ? Optional.<Document>empty() : documents.find(id)).map(d -> {
            var versions = documents.versions(d.id());
            var v = versions.get(0);
            return new OpenDocument(d.id(), d.category(), d.department(), v.title(), v.documentNumber(), v.body(),
                    v.formedOn(), v.publishedOn(), v.dueOn(), v.late(), v.version(), d.withdrawnOn(),
                    d.withdrawnReason(), versions.stream().map(PublicDocuments::history).toList());
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Page search(String category, String department, String query, int page, int size) {
        if (category != null && OpenCategory.of(category).isEmpty()) {
            throw InvalidParameterException.because("category", "one-of", category, categories());
        }
        if (page < 1 || page > 10_000) {
            throw InvalidParameterException.outOfRange("page", page, 1, 10_000);
        }
        if (size < 1 || size > 100) {
            throw InvalidParameterException.outOfRange("size", size, 1, 100);
        }
        var found = words.of(Parameters.text("q", query, 200));
        boolean nothingToFind = query != null && !query.isBlank() && found.isEmpty();
        if (nothingToFind) {
            return new Page(List.of(), 0, page, size);
        }
        return new Page(documents.search(category, department, found, size, (page - 1) * size),
                documents.count(category, department, found), page, size);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> late(CurrentUser staff, int size) {
        boolean everyDepartment = staff.has(Role.SUPERVISOR) || staff.has(Role.ADMIN);
        return documents.late(everyDepartment ? null : staff.department(), Math.max(1, Math.min(size, 500)));
    }

    private static String requireOfficer(CurrentUser officer) {
        if (!officer.has(Role.OFFICER) || officer.department() == null) {
            throw DisclosureProblems.otherDepartment("-", "-");
        }
        return officer.department();
    }

    /** The document, for an officer of its department; 404 for unknown ids, 403 for other departments. */
    private Document own(String id, CurrentUser officer) {
        var document = (id == null ? Optional.<Document>empty() : documents.find(id))
                .orElseThrow(() -> DisclosureProblems.documentNotFound(String.valueOf(id)));
        if (!officer.has(Role.OFFICER) || !document.department().equals(officer.department())) {
            throw DisclosureProblems.otherDepartment(id, document.department());
        }
        return document;
    }

    static String categories() {
        return String.join(", ", java.util.Arrays.stream(OpenCategory.values()).map(OpenCategory::code).toList());
    }

    LocalDate today() {
        return DisclosureService.today(clock);
    }
}
