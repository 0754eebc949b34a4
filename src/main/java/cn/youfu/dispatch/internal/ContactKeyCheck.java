package cn.youfu.dispatch.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when {@code youfu.dispatch.contact-key} is not the key the stored contacts were encrypted with
 * (a check value written by the migration that encrypted them), instead of failing on each event later.
 */
@Component
class ContactKeyCheck implements SmartInitializingSingleton {

    static final String COLUMN = "contact_key_check";
    static final String VALUE = "youfu-dispatch-contact-key";

    private final JdbcClient jdbc;
    private final ContactCipher cipher;

    ContactKeyCheck(JdbcClient jdbc, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        verify();
    }

    /** @throws ContactCipher.WrongKey when the configured key is not the one in use */
    void verify() {
        var stored = jdbc.sql("SELECT value FROM dispatch.contact_key_check WHERE id = 1").query(String.class)
                .optional();
        try {
            if (stored.isPresent() && !VALUE.equals(cipher.decrypt(COLUMN, stored.get()))) {
                throw new ContactCipher.WrongKey("the check value does not match");
            }
        } catch (ContactCipher.WrongKey e) {
            throw new ContactCipher.WrongKey("youfu.dispatch.contact-key (YOUFU_DISPATCH_CONTACT_KEY) is not the SM4 "
                    + "key that reporters' contact details were encrypted with: start with that key (" + e.getMessage()
                    + ")");
        }
    }
}
