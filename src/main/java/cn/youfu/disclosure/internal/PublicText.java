package cn.youfu.disclosure.internal;

import cn.youfu.platform.ResidentId;
import java.util.regex.Pattern;

/**
 * What may be published of an officer's text (个人信息保护法): resident ID numbers (those whose check character is
 * right, so that document numbers are left alone) and mobile numbers are masked before anything is stored for the
 * public. Names cannot be told from other words reliably: officers are told to leave private persons' names out.
 */
final class PublicText {

    private static final Pattern ID_CANDIDATE = Pattern.compile("(?<![0-9Xx])\\d{17}[0-9Xx](?![0-9Xx])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    private PublicText() {
    }

    static String masked(String text) {
        if (text == null) {
            return null;
        }
        var ids = ID_CANDIDATE.matcher(text).replaceAll(m -> ResidentId.isValid(m.group())
                ? ResidentId.of(m.group()).masked() : m.group());
        return MOBILE.matcher(ids).replaceAll(m -> m.group().substring(0, 3) + "****" + m.group().substring(7));
    }
}
