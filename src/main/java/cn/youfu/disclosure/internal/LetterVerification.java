package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.ReplyType;
import cn.youfu.disclosure.DisclosureRequests.LetterCheck;
import cn.youfu.platform.Sm3;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Verifies reply letters for anyone: by the id printed on them, or by the bytes someone holds. */
@Component
class LetterVerification {

    private final Replies replies;
    private final Requests requests;
    private final ReplyLetters letters;
    private final MessageSource messages;

    LetterVerification(Replies replies, Requests requests, ReplyLetters letters, MessageSource messages) {
        this.replies = replies;
        this.requests = requests;
        this.letters = letters;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    LetterCheck byId(UUID id) {
        return (id == null ? java.util.Optional.<Replies.Stored>empty() : replies.byLetter(id)).map(this::check)
                .orElseGet(LetterVerification::unknown);
    }

    /** A PDF whose bytes no letter was signed over (altered, or never issued) is unknown. */
    @Transactional(readOnly = true)
    LetterCheck byFile(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return unknown();
        }
        return replies.byDocument(Sm3.hex(pdf)).map(this::check).orElseGet(LetterVerification::unknown);
    }

    private LetterCheck check(Replies.Stored r) {
        var request = requests.find(r.reference()).orElseThrow();
        var data = new ReplyLetters.LetterData(r.letterId(), r.letterNumber(), r.reference(), request.department(),
                r.type(), r.content(), r.feeYuan(), r.feeRule(), request.receivedOn(), r.repliedOn());
        var status = letters.verify(r, data);
        Locale locale = LocaleContextHolder.getLocale();
        var type = ReplyType.valueOf(r.type());
        return new LetterCheck(status == ReplyLetters.Status.VALID, status.name(), r.letterNumber(),
                messages.getMessage("department." + request.department(), null, request.department(), locale),
                messages.getMessage("disclosure.reply." + type.code(), null, locale), r.repliedOn(),
                r.documentSm3());
    }

    private static LetterCheck unknown() {
        return new LetterCheck(false, "UNKNOWN", null, null, null, null, null);
    }
}
