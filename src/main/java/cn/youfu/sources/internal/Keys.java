package cn.youfu.sources.internal;

/** Keys given as text by callers of the list sources. */
final class Keys {

    private Keys() {
    }

    /**
     * A resident ID number or a credit code, normalised (upper case).
     *
     * @throws IllegalArgumentException when it is neither, saying why
     */
    static String subject(String holder) {
        return (String) Column.required("subject", Column.Kind.SUBJECT_ID).parse(holder, null);
    }
}
