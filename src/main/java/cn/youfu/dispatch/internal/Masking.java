package cn.youfu.dispatch.internal;

/**
 * Masks a reporter's contact details for staff who are not handling the event (Personal Information Protection Law).
 * Free text for the public is {@link PublicText}'s.
 */
final class Masking {

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
}
