package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.OpenCategory;
import cn.youfu.disclosure.OpenDocuments;
import cn.youfu.platform.PublicSiteSettings;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The Atom feed (RFC 4287) of one category's published documents, newest first, from the XML template
 * {@code templates/disclosure/feed.xml} (Thymeleaf in XML mode escapes every value): entries link to the documents'
 * stable public pages.
 */
@Component
class AtomFeeds {

    static final int ENTRIES = 50;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final java.time.format.DateTimeFormatter RFC_3339 =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** One entry of the feed. */
    record Entry(String title, String url, String updated, String department, String category, String categoryName,
                 String summary) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final OpenDocuments documents;
    private final PublicSiteSettings site;
    private final MessageSource messages;

    AtomFeeds(OpenDocuments documents, PublicSiteSettings site, MessageSource messages) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/disclosure/");
        resolver.setSuffix(".xml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        this.documents = documents;
        this.site = site;
        this.messages = messages;
    }

    String of(OpenCategory category, Locale locale) {
        var name = messages.getMessage("disclosure.category." + category.code(), null, locale);
        var found = documents.search(category.code(), null, null, 1, ENTRIES).items();
        var entries = found.stream().map(d -> new Entry(d.title(), site.link("/open/documents/" + d.id()),
                time(d.publishedOn()), messages.getMessage("department." + d.department(), null, d.department(),
                locale), category.code(), name, messages.getMessage("disclosure.feed.summary", new Object[] {
                d.documentNumber() == null ? "—" : d.documentNumber(), d.formedOn(), d.publishedOn()}, locale)))
                .toList();
        var context = new Context(locale, Map.of(
                "title", messages.getMessage("disclosure.feed.title", new Object[] {name}, locale),
                "subtitle", messages.getMessage("disclosure.feed.subtitle", new Object[] {category.item()}, locale),
                "self", site.link("/open/categories/" + category.code() + "/feed.atom"),
                "alternate", site.link("/open?category=" + category.code()),
                "updated", found.isEmpty() ? time(LocalDate.of(2019, 5, 15)) : entries.get(0).updated(),
                "author", messages.getMessage("disclosure.feed.author", null, locale),
                "entries", (List<Entry>) entries));
        return engine.process("feed", context);
    }

    private static String time(LocalDate date) {
        return RFC_3339.format(OffsetDateTime.of(date.atStartOfDay(), CHINA));
    }
}
