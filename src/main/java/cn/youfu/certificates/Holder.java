package cn.youfu.certificates;

/**
 * To whom a certificate is issued.
 *
 * @param id   the resident ID number (person) or unified social credit code (organisation); not blank
 * @param name the person's or organisation's name in full, as printed on the certificate; not blank
 */
public record Holder(String id, String name) {

    public Holder {
        IssueCertificate.notBlank(id, "holder id");
        IssueCertificate.notBlank(name, "holder name");
        id = id.trim();
        name = name.trim();
    }
}
