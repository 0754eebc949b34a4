package cn.youfu.platform;

import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The settings production cannot start without, each with how to make it (docs/production.md). Checked together
 * before any bean exists ({@link ModeSettings}), so that an operator learns the whole list from one attempt; the
 * modules' own beans still refuse a value that is set but unusable (a key file that cannot be read, a key of the
 * wrong length).
 */
final class ProductionSettings {

    /** A required setting: its property, its environment variable, how to make its value. */
    record Required(String property, String variable, String how) {
    }

    static final List<Required> REQUIRED = List.of(
            new Required("youfu.oidc.issuer", "YOUFU_OIDC_ISSUER",
                    "the issuer URI of the province's identity platform, e.g. https://idp.example/realms/fujian "
                            + "(import deploy/keycloak/fujian-realm.json into Keycloak for a ready realm)"),
            new Required("youfu.audit.signing-key", "YOUFU_AUDIT_SIGNING_KEY",
                    "the path of a PEM SM2 private key that signs the audit ledger's checkpoints: "
                            + "openssl genpkey -algorithm SM2 -out audit-sm2.pem"),
            new Required("youfu.certificates.signing-key", "YOUFU_CERTIFICATES_SIGNING_KEY",
                    "the path of a PEM SM2 private key that signs electronic certificates: "
                            + "openssl genpkey -algorithm SM2 -out certificates-sm2.pem"),
            new Required("youfu.disclosure.signing-key", "YOUFU_DISCLOSURE_SIGNING_KEY",
                    "the path of a PEM SM2 private key that signs the replies to requests for government "
                            + "information: openssl genpkey -algorithm SM2 -out disclosure-sm2.pem"),
            new Required("youfu.dispatch.contact-key", "YOUFU_DISPATCH_CONTACT_KEY",
                    "the SM4 key (32 hexadecimal digits) that encrypts reporters' contact details in the database: "
                            + "openssl rand -hex 16; keep it, the stored contacts cannot be read without it"),
            new Required("youfu.audit.trusted-key-ids", "YOUFU_AUDIT_TRUSTED_KEY_IDS",
                    "the comma-separated ids (sm2-...) of the keys whose checkpoint signatures verify, the ledger's "
                            + "key in use among them (a start with the key set and this empty names its id)"),
            new Required("youfu.certificates.trusted-key-ids", "YOUFU_CERTIFICATES_TRUSTED_KEY_IDS",
                    "the comma-separated ids (sm2-...) of the keys whose certificate signatures verify, the "
                            + "certificates' key in use among them"),
            new Required("youfu.audit.anchor-dir", "YOUFU_AUDIT_ANCHOR_DIR",
                    "a directory outside the database where each sealed checkpoint's head is appended (another "
                            + "volume or host, ideally write-once)"),
            source("population"), source("marriage"), source("education"), source("social-insurance"),
            source("enterprise"), source("e-licence"), source("benefits"), source("real-estate"), source("credit"),
            source("police-records"));

    /** A data source's address at the data-sharing platform: production has no registry of its own. */
    private static Required source(String name) {
        return new Required("youfu.sources." + name + ".url",
                "YOUFU_SOURCES_" + name.toUpperCase(java.util.Locale.ROOT).replace("-", "") + "_URL",
                "the address of the " + name + " source at the province's data-sharing platform "
                        + "(docs/demo-data.md, 'Connecting the real data-sharing platform')");
    }

    private ProductionSettings() {
    }

    static List<StartupRefusal.Reason> missing(Environment environment) {
        return REQUIRED.stream().filter(r -> blank(environment.getProperty(r.property())))
                .map(r -> new StartupRefusal.Reason(r.variable() + " (" + r.property() + ") is not set.",
                        "Set " + r.variable() + " to " + r.how() + "."))
                .toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
