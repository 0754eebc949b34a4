package cn.youfu.disclosure.internal;

import cn.youfu.cases.CaseEngine;
import cn.youfu.disclosure.DisclosureEvents.ReplyIssued;
import cn.youfu.disclosure.DisclosureRequests.Attachment;
import cn.youfu.disclosure.DisclosureRequests.FeeRequest;
import cn.youfu.disclosure.DisclosureRequests.FileRef;
import cn.youfu.disclosure.DisclosureRequests.ProvidedFile;
import cn.youfu.disclosure.DisclosureRequests.LetterFile;
import cn.youfu.disclosure.DisclosureRequests.Reply;
import cn.youfu.disclosure.DisclosureRequests.ReplyView;
import cn.youfu.disclosure.ReplyType;
import cn.youfu.disclosure.WithholdingGround;
import cn.youfu.disclosure.internal.ProcessingFees.Fee;
import cn.youfu.disclosure.internal.Requests.Request;
import cn.youfu.documents.Documents;
import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.Parameters;
import cn.youfu.platform.PublicSiteSettings;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Replies as the law types them (Art. 36, 37): checked for what each type must say, the case closed by the reply's
 * transition, the letter written, stored in the document library, signed, recorded; all in the caller's transaction.
 */
@Service
class ReplyService {

    static final String PDF = "application/pdf";
    static final int MAX_FILES = 5;
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final List<String> FILE_TYPES = List.of(PDF, "image/jpeg", "image/png", "text/plain");

    private final CaseEngine cases;
    private final Requests requests;
    private final Replies replies;
    private final ReplyLetters letters;
    private final LetterText text;
    private final LetterPdf pdf;
    private final Documents documents;
    private final PublicSiteSettings site;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReplyService(CaseEngine cases, Requests requests, Replies replies, ReplyLetters letters, LetterText text,
                 LetterPdf pdf, Documents documents, PublicSiteSettings site, MessageSource messages,
                 ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.requests = requests;
        this.replies = replies;
        this.letters = letters;
        this.text = text;
        this.pdf = pdf;
        this.documents = documents;
        this.site = site;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Replies to a request its department's officer may act on (checked by the caller). */
    ReplyView reply(Request request, Reply in, CurrentUser officer) {
        var type = in == null || in.type() == null ? null : ReplyType.of(in.type().strip()).orElse(null);
        if (type == null) {
            throw in == null || in.type() == null ? InvalidParameterException.missing("type")
                    : InvalidParameterException.because("type", "one-of", in.type(), codes());
        }
        var content = content(type, in, stored(type, in.files()));
        var fee = fee(type, in.fee(), request);
        var view = cases.takeOnBehalf(request.reference(), type.action(),
                DisclosureService.abbreviate(content.text(), 500), officer);
        var today = DisclosureService.today(clock);
        var number = messages.getMessage("disclosure.letter.number-format", new Object[] {
                String.valueOf(today.getYear()), String.format("%06d", replies.nextNumber())}, Locale.ROOT);
        var data = new ReplyLetters.LetterData(UUID.randomUUID(), number, request.reference(), request.department(),
                type.name(), content, fee == null ? 0 : fee.yuan(), feeRule(fee), request.receivedOn(), today);
        var stored = issue(request, data, officer, Boolean.TRUE.equals(view.clock().onTime()));
        events.publishEvent(new ReplyIssued(request.reference(), officer.username(), stored.repliedAt(), type.code(),
                number, stored.documentSm3(), stored.keyId(), content.grounds(), stored.feeYuan(), stored.onTime()));
        return view(stored, LocaleContextHolder.getLocale());
    }

    /** Writes, stores and signs the letter and records the reply. */
    private Replies.Stored issue(Request request, ReplyLetters.LetterData data, CurrentUser officer, boolean onTime) {
        var dataSm3 = letters.dataSm3(data);
        var letter = text.of(request, data, site.link("/disclosure/letters/" + data.letterId() + "/verify"),
                letters.keyId(), dataSm3);
        var documentSm3 = documents.store(pdf.render(letter), PDF).sm3();
        var stored = new Replies.Stored(request.reference(), data.letterId(), data.number(), data.type(),
                data.content(), data.feeYuan(), data.feeRule(), data.repliedOn(), clock.instant(),
                officer.username(), onTime, documentSm3, dataSm3, letters.keyId(),
                letters.sign(dataSm3, documentSm3));
        replies.insert(stored);
        return stored;
    }

    /** Stores the files provided with a reply that provides information; refused (400) otherwise or when too big. */
    private List<FileRef> stored(ReplyType type, List<Attachment> files) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        if (!type.provides()) {
            throw InvalidParameterException.because("files", "disclosure-files-only-when-provided");
        }
        if (files.size() > MAX_FILES) {
            throw InvalidParameterException.outOfRange("files", files.size() + " files", 1, MAX_FILES);
        }
        return files.stream().map(f -> {
            if (f == null || f.content() == null || f.content().length == 0) {
                throw InvalidParameterException.missing("files.content");
            }
            if (f.content().length > MAX_FILE_BYTES) {
                throw InvalidParameterException.outOfRange("files.content", f.content().length + " bytes", 1,
                        MAX_FILE_BYTES);
            }
            var mediaType = Parameters.requiredText("files.mediaType", f.mediaType(), 100);
            if (!FILE_TYPES.contains(mediaType)) {
                throw InvalidParameterException.because("files.mediaType", "one-of", mediaType,
                        String.join(", ", FILE_TYPES));
            }
            var name = Parameters.requiredText("files.name", f.name(), 100);
            return new FileRef(name, mediaType, documents.store(f.content(), mediaType).sm3(), f.content().length);
        }).toList();
    }

    /** What the reply must say for its type; refused (400) when something it needs is missing. */
    private static Replies.Content content(ReplyType type, Reply in, List<FileRef> files) {
        var answer = Parameters.requiredText("text", in.text(), 4000);
        var location = type == ReplyType.ALREADY_PUBLIC ? Parameters.requiredText("location", in.location(), 500)
                : Parameters.text("location", in.location(), 500);
        var withheld = type == ReplyType.PARTIALLY_DISCLOSED
                ? Parameters.requiredText("withheld", in.withheld(), 1000)
                : Parameters.text("withheld", in.withheld(), 1000);
        var grounds = in.grounds() == null ? List.<String>of() : in.grounds().stream().map(g -> WithholdingGround
                .of(g == null ? "" : g.strip()).orElseThrow(() -> InvalidParameterException.because("grounds",
                        "one-of", g, groundCodes())).code()).distinct().toList();
        if (type.withholds() && grounds.isEmpty()) {
            throw InvalidParameterException.missing("grounds");
        }
        if (!type.withholds() && !grounds.isEmpty()) {
            throw InvalidParameterException.because("grounds", "disclosure-grounds-only-when-withheld");
        }
        return new Replies.Content(answer, location, withheld, grounds,
                Parameters.text("otherAgency", in.otherAgency(), 300), files);
    }

    /** The Art. 42 fee, only where information is provided; null when none is asked for. */
    private Fee fee(ReplyType type, FeeRequest in, Request request) {
        if (in == null || in.method() == null) {
            return null;
        }
        if (!type.provides()) {
            throw InvalidParameterException.because("fee", "disclosure-fee-only-when-provided");
        }
        return switch (in.method()) {
            case "by-item" -> ProcessingFees.byItem(requests.nthOfMonth(request));
            case "by-volume" -> {
                if (in.pages() == null || in.pages() < 1 || in.pages() > 100_000) {
                    throw InvalidParameterException.outOfRange("fee.pages", in.pages(), 1, 100_000);
                }
                yield ProcessingFees.byVolume(in.pages());
            }
            default -> throw InvalidParameterException.because("fee.method", "one-of", in.method(),
                    "by-item, by-volume");
        };
    }

    /** The rule the fee was counted by, in the letter's words; null without a fee. */
    private String feeRule(Fee fee) {
        return fee == null ? null : messages.getMessage("disclosure.fee.rule." + fee.method().name(),
                new Object[] {fee.count(), fee.yuan()}, Locale.SIMPLIFIED_CHINESE);
    }

    ReplyView view(Replies.Stored r, Locale locale) {
        var type = ReplyType.valueOf(r.type());
        var c = r.content();
        return new ReplyView(r.reference(), type.code(), messages.getMessage("disclosure.reply." + type.code(), null,
                locale), c.text(), c.location(), c.withheld(), c.grounds().stream().map(g ->
                text.ground(WithholdingGround.of(g).orElseThrow(), locale)).toList(), c.otherAgency(),
                c.files() == null ? List.of() : c.files(), r.feeYuan(), r.feeRule(), r.repliedOn(), r.onTime(),
                r.letterNumber(), r.letterId().toString(), r.documentSm3(), text.remedy(type, locale),
                type.reconsiderationFirst());
    }

    /** One of the reply's files; 404 problem for any other fingerprint. */
    ProvidedFile file(Replies.Stored r, String sm3) {
        var listed = (r.content().files() == null ? List.<FileRef>of() : r.content().files()).stream()
                .filter(f -> f.sm3().equalsIgnoreCase(String.valueOf(sm3))).findFirst()
                .orElseThrow(() -> DisclosureProblems.fileNotFound(String.valueOf(sm3)));
        var stored = documents.find(listed.sm3()).filter(d -> documents.intact(listed.sm3()))
                .orElseThrow(() -> DisclosureProblems.letterDamaged(r.letterNumber()));
        return new ProvidedFile(listed.name(), listed.mediaType(), stored.bytes());
    }

    LetterFile letter(Replies.Stored r) {
        var stored = documents.find(r.documentSm3()).filter(d -> documents.intact(r.documentSm3()))
                .orElseThrow(() -> DisclosureProblems.letterDamaged(r.letterNumber()));
        return new LetterFile(r.letterNumber(), stored.bytes());
    }

    private static String codes() {
        return String.join(", ", java.util.Arrays.stream(ReplyType.values()).map(ReplyType::code).toList());
    }

    private static String groundCodes() {
        return String.join(", ", java.util.Arrays.stream(WithholdingGround.values()).map(WithholdingGround::code)
                .toList());
    }
}
