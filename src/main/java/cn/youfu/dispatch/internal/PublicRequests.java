package cn.youfu.dispatch.internal;

import cn.youfu.cases.CaseEngine;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Citizens' events as Open311 publishes them: what the city decides is public, and nothing else.
 *
 * <ul>
 *   <li>Published at all: not a report of wrongdoing (举报, which names people) and not marked anonymous.</li>
 *   <li>Never: the reporter's name, phone, e-mail or account.</li>
 *   <li>The description and replies with personal data masked ({@link PublicText}); the address to its street and
 *       the point on a grid ({@link PublicPlace}); a photo only once an officer released it ({@link PhotoReleases}).
 *   </li>
 * </ul>
 * Times are China Standard Time with their offset; {@code status} is {@code open} or {@code closed}.
 */
@Component
class PublicRequests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CitizenEvents events;
    private final Topics topics;
    private final CaseEngine cases;
    private final PhotoReleases photos;
    private final Open311Settings settings;
    private final MessageSource messages;

    PublicRequests(CitizenEvents events, Topics topics, CaseEngine cases, PhotoReleases photos,
                   Open311Settings settings, MessageSource messages) {
        this.events = events;
        this.topics = topics;
        this.cases = cases;
        this.photos = photos;
        this.settings = settings;
        this.messages = messages;
    }

    /** The SQL condition of a published event on the events table named {@code table}. */
    static String published(String table) {
        return table + ".kind <> 'report' AND NOT " + table + ".anonymous";
    }

    /** Whether the public may see the event at all. */
    static boolean published(CitizenEvent e) {
        return e.report.kind() != Kind.REPORT && !e.report.anonymous();
    }

    /** The published events among these, as Open311 requests, in the same order. */
    List<Open311.Request> requests(List<CitizenEvent> found) {
        var shown = found.stream().filter(PublicRequests::published).toList();
        var released = photos.released(shown.stream().map(e -> e.reference).toList());
        return shown.stream().map(e -> request(e, released.getOrDefault(e.reference, List.of()))).toList();
    }

    private Open311.Request request(CitizenEvent e, List<Integer> releasedPhotos) {
        var service = topics.ofTopic(e.topic);
        var location = e.report.location();
        var media = releasedPhotos.isEmpty() ? null : e.report.photos().get(releasedPhotos.get(0));
        return new Open311.Request(e.reference, status(e), statusNotes(e),
                service.map(s -> english() ? s.nameEn() : s.topic()).orElse(null),
                service.map(Topics.Service::code).orElse(null), PublicText.mask(e.report.description()), e.department,
                notice(e), datetime(e.createdAt), datetime(updated(e)),
                e.handlingDue == null ? null : datetime(e.handlingDue.plusDays(1).atStartOfDay(CHINA).toInstant()
                        .minusSeconds(1)),
                PublicPlace.street(e.report.address()), null, null,
                location == null ? null : PublicPlace.onGrid(location.latitude(), settings.gridDegrees()),
                location == null ? null : PublicPlace.onGrid(location.longitude(), settings.gridDegrees()), media);
    }

    /** An update of a published event: its step in words, the reply or the client's note masked. */
    Open311.Update update(RequestUpdates.Update u) {
        var key = "dispatch.open311.update." + u.step();
        var words = messages.getMessage(key, new Object[] {PublicText.mask(u.note() == null ? "" : u.note())},
                messages.getMessage("dispatch.open311.update.other", new Object[] {u.state()},
                        LocaleContextHolder.getLocale()), LocaleContextHolder.getLocale());
        return new Open311.Update(String.valueOf(u.id()), u.reference(), u.closed() ? "closed" : "open",
                datetime(u.at()), words, null, u.state());
    }

    /** Closed when closed, or merged into an event that is closed. */
    String status(CitizenEvent e) {
        var effective = e.mergedInto == null ? e : events.find(e.mergedInto).orElse(e);
        return CitizenEvent.CLOSED.equals(effective.state) || CitizenEvent.MERGED.equals(effective.state)
                ? "closed" : "open";
    }

    private String statusNotes(CitizenEvent e) {
        if (e.mergedInto != null) {
            var main = events.find(e.mergedInto).orElse(e);
            return messages.getMessage("dispatch.open311.merged", new Object[] {main.reference, stateName(main)},
                    LocaleContextHolder.getLocale());
        }
        return stateName(e);
    }

    private String stateName(CitizenEvent e) {
        return cases.find(e.reference).map(c -> c.stateName()).orElse(e.state);
    }

    String notice(CitizenEvent e) {
        return e.responseDue == null ? null : messages.getMessage("dispatch.open311.notice",
                new Object[] {e.responseDue.toString(), String.valueOf(e.handlingDue)}, LocaleContextHolder.getLocale());
    }

    private static Instant updated(CitizenEvent e) {
        return Stream.of(e.createdAt, e.dispatchedAt, e.acceptedAt, e.repliedAt, e.closedAt)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(e.createdAt);
    }

    /** A W3C date-time in China Standard Time, to the second: {@code 2026-12-08T09:30:00+08:00}. */
    static String datetime(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(CHINA).toOffsetDateTime().withNano(0));
    }

    private static boolean english() {
        return LocaleContextHolder.getLocale().getLanguage().equals("en");
    }
}
