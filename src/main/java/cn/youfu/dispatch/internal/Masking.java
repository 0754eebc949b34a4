package cn.youfu.dispatch.internal;

import java.util.regex.Pattern;

/** Masks reporters' personal data (Personal Information Protection Law): names, phone numbers, e-mail, ID numbers. */
final class Masking {

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9Xx])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9Xx])");

    private Masking() {
    }

    /** 陈有福 → 陈** */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        var first = name.strip().codePointAt(0);
        return new String(Character.toChars(first)) + "**";
    }

    /** 13812345678 → 138****5678; others keep their last four characters. */
    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        var p = phone.strip();
        return p.length() <= 4 ? "****" : p.substring(0, Math.min(3, p.length() - 4)) + "****"
                + p.substring(p.length() - 4);
    }

    /** chen@example.cn → c***@example.cn */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Mobile numbers and resident ID numbers a citizen typed into free text, masked. */
    static String text(String text) {
        if (text == null) {
            return null;
        }
        var masked = MOBILE.matcher(text).replaceAll("$1****$2");
        return ID_NUMBER.matcher(masked).replaceAll("$1********$2");
    }
}
