package cn.youfu.approval.internal;

import cn.youfu.catalog.Facts;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.platform.Sm3;
import cn.youfu.sources.BenefitRegistry;
import cn.youfu.sources.CreditList;
import cn.youfu.sources.EducationRegistry;
import cn.youfu.sources.EnterpriseRegistry;
import cn.youfu.sources.LicenceLibrary;
import cn.youfu.sources.MarriageRegistry;
import cn.youfu.sources.PopulationRegistry;
import cn.youfu.sources.RealEstateRegistry;
import cn.youfu.sources.SocialInsuranceRegistry;
import cn.youfu.sources.SourceAnswer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the sources an item needs, all at once, and turns their answers into the facts its rules read. A source that
 * fails or has not answered within the timeout is unavailable; nothing here decides.
 */
@Component
class SourceFetcher implements DisposableBean {

    /** What the decision rests on. */
    record Evidence(Map<String, Object> facts, Set<String> unavailable, Set<String> absent,
                    List<SourceAnswer<?>> answers) {
    }

    /** Sources that answer a list per key: "not found" means an empty list. */
    private static final Set<String> LIST_SOURCES = Set.of(LicenceLibrary.SOURCE, BenefitRegistry.SOURCE,
            CreditList.SOURCE, RealEstateRegistry.SOURCE);

    private static final JsonMapper SNAKE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final PopulationRegistry population;
    private final LicenceLibrary licences;
    private final BenefitRegistry benefits;
    private final EnterpriseRegistry enterprises;
    private final CreditList credit;
    private final MarriageRegistry marriages;
    private final EducationRegistry education;
    private final SocialInsuranceRegistry insurance;
    private final RealEstateRegistry estates;
    private final ApprovalSettings settings;
    private final Clock clock;
    private final ExecutorService executor;

    SourceFetcher(PopulationRegistry population, LicenceLibrary licences, BenefitRegistry benefits,
                  EnterpriseRegistry enterprises, CreditList credit, MarriageRegistry marriages,
                  EducationRegistry education, SocialInsuranceRegistry insurance, RealEstateRegistry estates,
                  ApprovalSettings settings, Clock clock) {
        this.population = population;
        this.licences = licences;
        this.benefits = benefits;
        this.enterprises = enterprises;
        this.credit = credit;
        this.marriages = marriages;
        this.education = education;
        this.insurance = insurance;
        this.estates = estates;
        this.settings = settings;
        this.clock = clock;
        this.executor = Executors.newFixedThreadPool(settings.sourceThreads(), runnable -> {
            var thread = new Thread(runnable, "source-fetch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @param materials the facts of the materials submitted (see {@link Facts#MATERIALS}) */
    Evidence gather(ServiceItem item, Applicant applicant, Map<String, Object> form, Map<String, Object> materials,
                    LocalDate today) {
        var holder = applicant.claimedId();
        var resident = applicant.residentId();
        var asks = new LinkedHashMap<String, CompletableFuture<SourceAnswer<?>>>();
        for (var source : item.sources()) {
            Supplier<SourceAnswer<?>> ask = switch (source) {
                case PopulationRegistry.SOURCE -> resident == null ? null : () -> population.lookup(resident);
                case LicenceLibrary.SOURCE -> () -> licences.held(holder);
                case BenefitRegistry.SOURCE -> resident == null ? null : () -> benefits.received(resident);
                case EnterpriseRegistry.SOURCE -> applicant.creditCode() == null ? null
                        : () -> enterprises.lookup(applicant.creditCode());
                case CreditList.SOURCE -> () -> credit.listings(holder);
                case MarriageRegistry.SOURCE -> resident == null ? null : () -> marriages.lookup(resident);
                case EducationRegistry.SOURCE -> resident == null ? null : () -> education.lookup(resident);
                case SocialInsuranceRegistry.SOURCE -> resident == null ? null : () -> insurance.lookup(resident);
                case RealEstateRegistry.SOURCE -> () -> estates.held(holder);
                default -> throw new IllegalStateException("no connector for source " + source);
            };
            if (ask != null) {
                long timeout = settings.sourceTimeout().toMillis();
                asks.put(source, CompletableFuture.supplyAsync(ask, executor)
                        .orTimeout(timeout, TimeUnit.MILLISECONDS)
                        .exceptionally(failure -> unavailable(source, holder, failure instanceof TimeoutException
                                ? "no answer within " + timeout + " ms" : failure.toString())));
            }
        }
        var facts = new HashMap<String, Object>();
        Facts.ALL.forEach(name -> facts.put(name, null));
        for (var list : List.of(Facts.LICENCES, Facts.BENEFITS, Facts.CREDIT, Facts.ESTATES)) {
            facts.put(list, List.of());
        }
        facts.put(Facts.APPLICANT, applicantFacts(applicant, today));
        facts.put(Facts.FORM, cel(form));
        facts.put(Facts.TODAY, today.toString());
        facts.put(Facts.MATERIALS, materials);
        var unavailable = new HashSet<String>();
        var absent = new HashSet<String>();
        var answers = new ArrayList<SourceAnswer<?>>();
        for (var source : item.sources()) {
            var future = asks.get(source);
            if (future == null) {
                absent.add(source); // nothing to look up: the applicant has no valid key for this source
                continue;
            }
            var answer = future.join();
            answers.add(answer);
            switch (answer.status()) {
                case UNAVAILABLE -> unavailable.add(source);
                // A list source that holds nothing answers an empty list; a record source, an absent record.
                case NOT_FOUND -> {
                    if (!LIST_SOURCES.contains(source)) {
                        absent.add(source);
                    }
                }
                case FOUND -> facts.put(factName(source), cel(answer.value()));
            }
        }
        return new Evidence(facts, Set.copyOf(unavailable), Set.copyOf(absent), List.copyOf(answers));
    }

    private static String factName(String source) {
        return switch (source) {
            case PopulationRegistry.SOURCE -> Facts.PERSON;
            case LicenceLibrary.SOURCE -> Facts.LICENCES;
            case BenefitRegistry.SOURCE -> Facts.BENEFITS;
            case EnterpriseRegistry.SOURCE -> Facts.ENTERPRISE;
            case CreditList.SOURCE -> Facts.CREDIT;
            case MarriageRegistry.SOURCE -> Facts.MARRIAGE;
            case EducationRegistry.SOURCE -> Facts.EDUCATION;
            case SocialInsuranceRegistry.SOURCE -> Facts.INSURANCE;
            case RealEstateRegistry.SOURCE -> Facts.ESTATES;
            default -> throw new IllegalStateException("no fact for source " + source);
        };
    }

    private Map<String, Object> applicantFacts(Applicant applicant, LocalDate today) {
        var facts = new HashMap<String, Object>();
        facts.put("id", applicant.claimedId());
        facts.put("name", applicant.name());
        var resident = applicant.residentId();
        facts.put("id_valid", resident != null || applicant.creditCode() != null);
        if (resident != null) {
            facts.put("birth_date", resident.birthDate().toString());
            facts.put("age", (long) resident.ageOn(today));
            facts.put("division", resident.division());
            facts.put("sex", resident.male() ? "male" : "female");
        }
        return facts;
    }

    /** The fetcher's own record that a source did not answer in time (or failed): hashed like any answer. */
    private SourceAnswer<?> unavailable(String source, String key, String reason) {
        var at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var canonical = SNAKE.writeValueAsString(new java.util.TreeMap<>(Map.of("fetched_at", at.toString(),
                "key", String.valueOf(key), "reason", reason, "source", source, "status", "UNAVAILABLE")));
        return new SourceAnswer<>(source, key, SourceAnswer.Status.UNAVAILABLE, null, reason, at,
                Sm3.hex(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A record or list as CEL reads it: snake_case maps, ISO dates, long integers, double decimals. */
    static Object cel(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SourceFetcher::cel).toList();
        }
        if (value instanceof Map<?, ?> map) {
            var converted = new HashMap<String, Object>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), cel(v)));
            return converted;
        }
        return cel(SNAKE.convertValue(value, Map.class));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
