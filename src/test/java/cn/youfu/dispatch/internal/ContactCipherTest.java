package cn.youfu.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.platform.Mode;
import cn.youfu.platform.YoufuSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

class ContactCipherTest {

    static final String KEY = "0123456789abcdeffedcba9876543210";

    @Test
    void encryptsWithARandomIvAndDecryptsOnlyWithTheSameKeyAndColumn() {
        var cipher = new ContactCipher(KEY);
        var once = cipher.encrypt("contact_phone", "13812345678");
        var twice = cipher.encrypt("contact_phone", "13812345678");
        assertThat(once).startsWith(ContactCipher.PREFIX).isNotEqualTo(twice).doesNotContain("13812345678");
        assertThat(cipher.decrypt("contact_phone", once)).isEqualTo("13812345678");
        assertThat(cipher.encrypt("contact_name", null)).isNull();
        assertThat(cipher.decrypt("contact_name", null)).isNull();

        assertThatThrownBy(() -> new ContactCipher("00112233445566778899aabbccddeeff").decrypt("contact_phone", once))
                .isInstanceOf(ContactCipher.WrongKey.class).hasMessageContaining("youfu.dispatch.contact-key");
        assertThatThrownBy(() -> cipher.decrypt("contact_email", once)).isInstanceOf(ContactCipher.WrongKey.class);
        var tampered = once.substring(0, once.length() - 4) + (once.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt("contact_phone", tampered)).isInstanceOf(ContactCipher.WrongKey.class);
        assertThatThrownBy(() -> cipher.decrypt("contact_phone", "13812345678"))
                .isInstanceOf(ContactCipher.WrongKey.class);
    }

    @Test
    void productionRefusesToStartWithoutAKeyAndAnyModeRefusesAMalformedOne() {
        var configuration = new DispatchConfiguration();
        var production = new YoufuSettings(Mode.PRODUCTION, Path.of("data"));
        assertThatThrownBy(() -> configuration.dispatchContactCipher(settings(null), production))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("YOUFU_DISPATCH_CONTACT_KEY");
        assertThatThrownBy(() -> configuration.dispatchContactCipher(settings("not-a-key"), production))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageNotContaining("not-a-key");
        assertThat(configuration.dispatchContactCipher(settings(KEY), production)).isNotNull();
        var demo = configuration.dispatchContactCipher(settings(null), new YoufuSettings(Mode.DEMO, Path.of("data")));
        assertThat(new ContactCipher(DispatchConfiguration.DEMO_CONTACT_KEY)
                .decrypt("contact_name", demo.encrypt("contact_name", "陈有福"))).isEqualTo("陈有福");
    }

    private static DispatchSettings settings(String key) {
        return new DispatchSettings(null, 0.5, 0, null, 0, null, key);
    }
}
