package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.OpenCategory;
import cn.youfu.disclosure.OpenDocuments;
import cn.youfu.disclosure.OpenDocuments.OpenDocument;
import cn.youfu.disclosure.OpenDocuments.Page;
import cn.youfu.platform.Parameters;
import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public portal's API and feeds: what is published proactively, for anyone, without signing in. */
@RestController
@PublicEndpoint
@Tag(name = "Open government", description = "主动公开: published documents, full-text search, Atom feeds (public)")
class OpenController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final OpenDocuments documents;
    private final AtomFeeds feeds;
    private final MessageSource messages;

    OpenController(OpenDocuments documents, AtomFeeds feeds, MessageSource messages) {
        this.documents = documents;
        this.feeds = feeds;
        this.messages = messages;
    }

    /** @param item the item of Art. 20 that lists it */
    record Category(String code, int item, String name, String feed) {
    }

    @GetMapping(path = "/api/v1/open/categories", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The categories of Art. 20, each with its Atom feed")
    List<Category> categories(Locale locale) {
        return Arrays.stream(OpenCategory.values()).map(c -> new Category(c.code(), c.item(),
                messages.getMessage("disclosure.category." + c.code(), null, locale),
                "/open/categories/" + c.code() + "/feed.atom")).toList();
    }

    @GetMapping(path = "/api/v1/open/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Published documents, newest first; filter by category and department, search the text")
    Page search(@RequestParam(required = false) String category, @RequestParam(required = false) String department,
                @RequestParam(required = false) String q, @RequestParam(required = false) String page,
                @RequestParam(required = false) String size) {
        return documents.search(blankToNull(category), blankToNull(department), q,
                Parameters.integer("page", page, 1, 10_000, 1), Parameters.integer("size", size, 1, 100, 20));
    }

    @GetMapping(path = "/api/v1/open/documents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A document: its current text and every version (withdrawn ones say so)")
    OpenDocument document(@PathVariable String id) {
        return documents.find(id).orElseThrow(() -> DisclosureProblems.documentNotFound(id));
    }

    @GetMapping(path = "/open/categories/{category}/feed.atom")
    @Operation(summary = "The Atom feed of a category's published documents")
    ResponseEntity<String> feed(@PathVariable String category, Locale locale) {
        var known = OpenCategory.of(category).orElseThrow(() -> DisclosureProblems.categoryNotFound(category));
        return ResponseEntity.ok().contentType(ATOM).body(feeds.of(known, locale));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
