package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.ReplyType;
import cn.youfu.disclosure.WithholdingGround;
import cn.youfu.disclosure.internal.Requests.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a reply letter, from the bundles ({@code disclosure.letter.*}): the request as received (and as
 * corrected), the answer worded for its type, the grounds for withholding, the fee rule, the remedy, the agency and
 * the date. A letter is an official document: Chinese, whatever the officer's language.
 */
@Component
class LetterText {

    private final MessageSource messages;

    LetterText(MessageSource messages) {
        this.messages = messages;
    }

    LetterPdf.Letter of(Request request, ReplyLetters.LetterData data, String verifyUrl, String keyId,
                        String dataSm3) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(zh("disclosure.letter.number", data.number()));
        paragraphs.add(zh("disclosure.letter.salutation", request.applicantName()));
        paragraphs.add(zh("disclosure.letter.received", date(request.receivedOn()), request.reference(),
                request.description()));
        if (request.correctedOn() != null) {
            paragraphs.add(zh("disclosure.letter.corrected", date(request.correctedOn()),
                    request.correctedDescription()));
        }
        paragraphs.addAll(answer(ReplyType.valueOf(data.type()), data.content()));
        if (ReplyType.valueOf(data.type()).provides()) {
            paragraphs.add(data.feeYuan() == 0 ? zh("disclosure.letter.fee.none")
                    : zh("disclosure.letter.fee.charged", data.feeYuan(), data.feeRule()));
        }
        paragraphs.add(remedy(ReplyType.valueOf(data.type()), Locale.SIMPLIFIED_CHINESE));
        paragraphs.add(zh("department." + data.agency()));
        paragraphs.add(date(data.repliedOn()));
        return new LetterPdf.Letter(zh("disclosure.letter.title"), data.number(), paragraphs,
                List.of(zh("disclosure.letter.signature", keyId, verifyUrl, dataSm3)));
    }

    private List<String> answer(ReplyType type, Replies.Content c) {
        var lines = new ArrayList<String>();
        lines.add(zh("disclosure.letter.answer." + type.code(), c.text(), c.location(), c.withheld(),
                c.otherAgency() == null ? zh("disclosure.letter.other-agency.unknown") : c.otherAgency()));
        if (c.files() != null && !c.files().isEmpty()) {
            lines.add(zh("disclosure.letter.files"));
            for (int i = 0; i < c.files().size(); i++) {
                var f = c.files().get(i);
                lines.add(zh("disclosure.letter.file", i + 1, f.name(), f.size(), f.sm3()));
            }
        }
        if (type.withholds()) {
            lines.add(zh("disclosure.letter.grounds", String.join("；", c.grounds().stream()
                    .map(g -> zh("disclosure.ground." + g)).toList())));
        }
        return lines;
    }

    /** The remedy for the reply's type, in {@code locale}. */
    String remedy(ReplyType type, Locale locale) {
        return messages.getMessage(type.reconsiderationFirst() ? "disclosure.remedy.reconsideration-first"
                : "disclosure.remedy.either", new Object[] {messages.getMessage("disclosure.remedy.authority", null,
                locale)}, locale);
    }

    String ground(WithholdingGround ground, Locale locale) {
        return messages.getMessage("disclosure.ground." + ground.code(), null, locale);
    }

    /** A date as official documents print it: 2026年12月8日. */
    static String date(java.time.LocalDate date) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日").format(date);
    }

    private String zh(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
    }
}
