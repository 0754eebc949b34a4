package cn.youfu.notifications.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
@Tag(name = "Notifications")
class NotificationController {

    private final Messages messages;
    private final MessageSource texts;

    NotificationController(Messages messages, MessageSource texts) {
        this.messages = messages;
        this.texts = texts;
    }

    record Notification(long id, String reference, String kind, String text, Instant at) {
    }

    @GetMapping
    @Operation(summary = "My messages: about my cases, my department's and, for supervisors, escalations")
    List<Notification> mine(Authentication authentication) {
        var user = CurrentUser.of(authentication);
        var recipients = new ArrayList<String>(List.of(user.username()));
        if (user.department() != null && user.has(Role.OFFICER)) {
            recipients.add("department:" + user.department());
        }
        if (user.has(Role.SUPERVISOR)) {
            recipients.add(CaseNotifier.SUPERVISORS);
        }
        var locale = LocaleContextHolder.getLocale();
        return messages.forRecipients(recipients, 100).stream().map(m -> new Notification(m.id(), m.reference(),
                m.kind(), words(m, locale), m.at())).toList();
    }

    /** The message in the reader's language: case, deadline, state, reason, expected time (in its unit). */
    private String words(Messages.Message m, java.util.Locale locale) {
        var params = m.params();
        var expected = params.get("expectedDays") == null ? ""
                : texts.getMessage("limit." + params.get("expectedUnit"), new Object[] {params.get("expectedDays")},
                        locale);
        return texts.getMessage("notification." + m.kind(), new Object[] {m.reference(),
                params.getOrDefault("deadline", ""), params.getOrDefault("to", ""), params.getOrDefault("reason", ""),
                expected}, locale);
    }
}
