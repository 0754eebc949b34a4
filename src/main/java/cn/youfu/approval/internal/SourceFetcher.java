package cn.youfu.approval.internal;

import cn.youfu.catalog.Catalog;
import cn.youfu.catalog.Facts;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.certificates.Certificates;
import cn.youfu.certificates.HeldCertificate;
import cn.youfu.sources.BenefitRegistry;
import cn.youfu.sources.CreditList;
import cn.youfu.sources.EducationRegistry;
import cn.youfu.sources.EnterpriseRegistry;
import cn.youfu.sources.LicenceLibrary;
import cn.youfu.sources.MarriageRegistry;
import cn.youfu.sources.PoliceRecords;
import cn.youfu.sources.PopulationRegistry;
import cn.youfu.sources.RealEstateRegistry;
import cn.youfu.sources.SocialInsuranceRegistry;
import cn.youfu.sources.SourceAnswer;
import cn.youfu.sources.SourceAnswers;
import java.math.BigDecimal;
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
 *
 * <p>What Youfu has granted itself counts too: when an item reads the e-licence library or the benefit registry, the
 * certificates Youfu issued to the applicant are asked for alongside ({@value #OWN_CERTIFICATES}), and each is added
 * to {@code licences} as a licence of its item's certificate type, and to {@code benefits} when its item grants one —
 * with its status (valid, revoked, expired). So a resident approved a minute ago holds the card when they apply
 * again, whether or not the platform's library has heard of it yet. If that lookup fails, both lists count as
 * unavailable: a person decides.
 */
@Component
class SourceFetcher implements DisposableBean {

    /** What the decision rests on. */
    record Evidence(Map<String, Object> facts, Set<String> unavailable, Set<String> absent,
                    List<SourceAnswer<?>> answers) {
    }

    /** Sources that answer a list per key: "not found" means an empty list. */
    private static final Set<String> LIST_SOURCES = Set.of(LicenceLibrary.SOURCE, BenefitRegistry.SOURCE,
            CreditList.SOURCE, RealEstateRegistry.SOURCE, PoliceRecords.SOURCE);

    /** The answer's source name for the certificates Youfu issued to the applicant, as the ledger records it. */
    static final String OWN_CERTIFICATES = "youfu-certificates";

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
    private final PoliceRecords police;
    private final Certificates certificates;
    private final Catalog catalog;
    private final ApprovalSettings settings;
    private final SourceAnswers answerFactory;
    private final ExecutorService executor;

    SourceFetcher(PopulationRegistry population, LicenceLibrary licences, BenefitRegistry benefits,
                  EnterpriseRegistry enterprises, CreditList credit, MarriageRegistry marriages,
                  EducationRegistry education, SocialInsuranceRegistry insurance, RealEstateRegistry estates,
                  PoliceRecords police, Certificates certificates, Catalog catalog, ApprovalSettings settings,
                  SourceAnswers answerFactory) {
        this.population = population;
        this.licences = licences;
        this.benefits = benefits;
        this.enterprises = enterprises;
        this.credit = credit;
        this.marriages = marriages;
        this.education = education;
        this.insurance = insurance;
        this.estates = estates;
        this.police = police;
        this.certificates = certificates;
        this.catalog = catalog;
        this.settings = settings;
        this.answerFactory = answerFactory;
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
                case PoliceRecords.SOURCE -> resident == null ? null : () -> police.records(resident);
                default -> throw new IllegalStateException("no connector for source " + source);
            };
            if (ask != null) {
                asks.put(source, ask(source, holder, ask));
            }
        }
        boolean ownGrantsCount = item.sources().contains(LicenceLibrary.SOURCE)
                || item.sources().contains(BenefitRegistry.SOURCE);
        // Youfu's own database, asked on this thread while the sources answer on theirs: no platform stands between,
        // and without the database there is no decision to record anyway. One hand-over between threads less.
        var own = ownGrantsCount ? ownCertificates(holder) : null;
        var facts = new HashMap<String, Object>();
        Facts.ALL.forEach(name -> facts.put(name, null));
        for (var list : List.of(Facts.LICENCES, Facts.BENEFITS, Facts.CREDIT, Facts.ESTATES, Facts.POLICE_RECORDS)) {
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
        if (own != null) {
            answers.add(own);
            if (own.status() == SourceAnswer.Status.UNAVAILABLE) {
                item.sources().stream().filter(s -> s.equals(LicenceLibrary.SOURCE) || s.equals(BenefitRegistry.SOURCE))
                        .forEach(unavailable::add);
            } else if (own.status() == SourceAnswer.Status.FOUND) {
                addOwnGrants(facts, (List<?>) own.value(), holder, today);
            }
        }
        return new Evidence(facts, Set.copyOf(unavailable), Set.copyOf(absent), List.copyOf(answers));
    }

    private CompletableFuture<SourceAnswer<?>> ask(String source, String holder, Supplier<SourceAnswer<?>> ask) {
        long timeout = settings.sourceTimeout().toMillis();
        return CompletableFuture.supplyAsync(ask, executor)
                .orTimeout(timeout, TimeUnit.MILLISECONDS)
                .exceptionally(failure -> answerFactory.unavailable(source, holder, failure instanceof TimeoutException
                        ? "no answer within " + timeout + " ms" : failure.toString()));
    }

    /** The certificates Youfu issued to {@code holder}, as an answer hashed like a source's; unavailable if unread. */
    private SourceAnswer<?> ownCertificates(String holder) {
        try {
            var held = certificates.heldBy(holder);
            return held.isEmpty() ? answerFactory.notFound(OWN_CERTIFICATES, holder)
                    : answerFactory.found(OWN_CERTIFICATES, holder, held);
        } catch (RuntimeException failure) {
            return answerFactory.unavailable(OWN_CERTIFICATES, holder, failure.toString());
        }
    }

    /** Each certificate as the licence (and benefit) its item's certificate stands for; see the class comment. */
    private void addOwnGrants(Map<String, Object> facts, List<?> held, String holder, LocalDate today) {
        var licences = new ArrayList<Object>((List<?>) facts.get(Facts.LICENCES));
        var benefits = new ArrayList<Object>((List<?>) facts.get(Facts.BENEFITS));
        for (var entry : held) {
            var certificate = (HeldCertificate) entry;
            var spec = catalog.find(certificate.itemCode()).map(ServiceItem::certificate).orElse(null);
            if (spec == null) {
                continue; // an item no longer in the catalogue: nothing to say what its certificate stands for
            }
            var status = certificate.status(today);
            // In the sources' own records, so that rules read them as they read the library's and the registry's.
            licences.add(cel(new LicenceLibrary.Licence(holder, spec.type(), certificate.number(),
                    certificate.validFrom(), certificate.validUntil(), status, null)));
            if (spec.benefit() != null) {
                benefits.add(cel(new BenefitRegistry.Benefit(holder, spec.benefit(), certificate.validFrom(),
                        status.equals("valid") ? "paying" : "stopped")));
            }
        }
        facts.put(Facts.LICENCES, List.copyOf(licences));
        facts.put(Facts.BENEFITS, List.copyOf(benefits));
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
            case PoliceRecords.SOURCE -> Facts.POLICE_RECORDS;
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
