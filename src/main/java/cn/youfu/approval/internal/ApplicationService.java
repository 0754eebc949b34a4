package cn.youfu.approval.internal;

import cn.youfu.approval.DecisionView;
import cn.youfu.approval.ApplicationDecided;
import cn.youfu.approval.Applications;
import cn.youfu.approval.Decision;
import cn.youfu.approval.DecisionView.Reason;
import cn.youfu.approval.DecisionView.Text;
import cn.youfu.calendar.PeriodUnit;
import cn.youfu.catalog.Catalog;
import cn.youfu.catalog.ConditionResult;
import cn.youfu.catalog.ConditionResult.Outcome;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.catalog.ServiceItem.OnFail;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEngine.Limits;
import cn.youfu.cases.CaseEngine.OpenCase;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.Sm3;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Decides applications: validate, gather, evaluate, record — in the same request. */
@Service
class ApplicationService implements Applications {

    static final int HTTP_CREATED = 201;

    /**
     * The answer to give: its HTTP status and JSON body, and whether it repeats an earlier answer.
     *
     * @param view the decision; null when the answer repeats an earlier one
     */
    record Answer(int status, String body, String reference, boolean replayed, DecisionView view) {
    }

    private final Catalog catalog;
    private final CertificateIssuer certificates;
    private final SourceFetcher fetcher;
    private final SubmittedMaterials materials;
    private final CaseEngine cases;
    private final Idempotency idempotency;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final Admission admission;
    private final Routing routing;

    ApplicationService(Catalog catalog, CertificateIssuer certificates, SourceFetcher fetcher,
                       SubmittedMaterials materials, CaseEngine cases, Idempotency idempotency,
                       ApplicationEventPublisher events, TransactionTemplate transactions, JsonMapper json,
                       MessageSource messages, Clock clock, Admission admission, Routing routing) {
        this.catalog = catalog;
        this.certificates = certificates;
        this.fetcher = fetcher;
        this.materials = materials;
        this.cases = cases;
        this.idempotency = idempotency;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
        this.admission = admission;
        this.routing = routing;
    }

    @Override
    public DecisionView apply(CurrentUser user, String item, Map<String, Object> form) {
        return apply(user, item, form, Map.of());
    }

    @Override
    public DecisionView apply(CurrentUser user, String item, Map<String, Object> form, Map<String, String> materials) {
        return submit(user, item, form, materials, null).view();
    }

    /**
     * Decides an application. Everything that costs the caller's own time — a malformed submission, a repeat of an
     * earlier one, waiting for the reading of its materials — happens before it is {@linkplain Admission admitted};
     * only the decision itself (sources, rules, case, certificate) holds a permit.
     */
    Answer submit(CurrentUser user, String itemCode, Map<String, Object> form, Map<String, String> materialIds,
                  String idempotencyKey) {
        long started = System.nanoTime();
        var key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && (key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
            throw InvalidParameterException.because("Idempotency-Key", "idempotency-key-form");
        }
        var requestHash = key == null ? null : requestHash(itemCode, form, materialIds); // only a key needs it
        if (key != null) {
            var earlier = idempotency.find(user.username(), key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), requestHash, key);
            }
        }
        if (itemCode == null || itemCode.isBlank()) {
            throw InvalidParameterException.missing("item");
        }
        var item = catalog.find(itemCode.strip()).orElseThrow(() -> InvalidParameterException.because("item",
                "unknown-item", itemCode));
        var applicant = Applicant.of(user);
        if (item.forResidents() ? !user.has(Role.APPLICANT) : !user.has(Role.ENTERPRISE)) {
            throw ApprovalProblems.wrongApplicant(item.code(), item.forResidents() ? "resident" : "enterprise");
        }
        var checked = FormValidator.validate(item, form);
        if (!checked.errors().isEmpty()) {
            throw ApprovalProblems.invalidForm(item.code(), checked.errors().stream().map(e -> Map.of(
                    "field", e.field(),
                    "message", messages.getMessage("form." + e.code(), e.arguments(), e.code(),
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()))).toList());
        }
        var submitted = materials.check(item, user, materialIds);
        if (!admission.enter()) {
            throw ApprovalProblems.busy(1);
        }
        try {
            return decide(user, item, applicant, checked.values(), submitted, key, requestHash, started);
        } finally {
            admission.leave();
        }
    }

    private Answer decide(CurrentUser user, ServiceItem item, Applicant applicant, Map<String, Object> form,
                          SubmittedMaterials.Submitted submitted, String key, String requestHash, long started) {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, clock.getZone());
        var evidence = fetcher.gather(item, applicant, form, submitted.facts(), today);
        var results = catalog.evaluate(item, evidence.facts(), evidence.unavailable(), evidence.absent());
        var decision = decide(results);
        var reasons = results.stream().map(this::reason).toList();
        var department = routing.department(item, evidence.facts());
        try {
            return transactions.execute(status -> {
                var details = new java.util.LinkedHashMap<String, Object>(Map.of(
                        "item", item.code(), "itemName", item.name().zh(), "itemVersion", item.version(),
                        "form", form, "decision", decision.name(), "findings", reasons));
                if (!submitted.readings().isEmpty()) {
                    details.put("materials", submitted.forOfficer());
                }
                var action = switch (decision) {
                    case APPROVED -> "auto-approve";
                    case REJECTED -> "auto-reject";
                    case MANUAL_REVIEW -> "refer";
                };
                var decided = cases.openAndTake(new OpenCase(item.caseType(), item.name().zh(), details,
                                department, true, limits(item.timeLimit())),
                        user, user, action, summary(decision, results), CurrentUser.SYSTEM);
                var reference = decided.reference();
                materials.attach(submitted, reference, department);
                var certificate = decision == Decision.APPROVED ? certificates.issue(item, department, reference,
                        applicant.claimedId(), applicant.name(), today) : null;
                long millis = (System.nanoTime() - started) / 1_000_000;
                events.publishEvent(new ApplicationDecided(reference, item.code(), item.version(),
                        applicant.claimedId(), now,
                        evidence.answers().stream().map(a -> new ApplicationDecided.SourceUsed(a.source(),
                                a.status().name(), a.sm3(), a.fetchedAt())).toList(),
                        results.stream().map(r -> new ApplicationDecided.ConditionOutcome(r.condition().id(),
                                r.outcome().name())).toList(),
                        decision, millis));
                var view = new DecisionView(reference, item.code(), item.name().zh(), decision, now, millis, reasons,
                        decision == Decision.REJECTED ? remedies(decided.remedy()) : null,
                        decision == Decision.MANUAL_REVIEW ? new DecisionView.ManualReview(department,
                                text(routing.name(department, item)),
                                decided.clock().statutoryDeadline(), decided.clock().promisedDeadline(),
                                why(results), limit(decided.clock().statutory()), limit(decided.clock().promised()))
                                : null,
                        certificate, "/api/v1/cases/" + reference,
                        decision == Decision.REJECTED ? humanReview(reference) : null);
                var body = json.writeValueAsString(view);
                if (key != null && !idempotency.remember(user.username(), key, requestHash, HTTP_CREATED, body,
                        now)) {
                    throw new ConcurrentRetry();
                }
                return new Answer(HTTP_CREATED, body, reference, false, view);
            });
        } catch (ConcurrentRetry retry) {
            return replay(idempotency.find(user.username(), key).orElseThrow(), requestHash, key);
        }
    }

    /** A concurrent retry with the same key stored its answer first: ours is rolled back and theirs given. */
    private static final class ConcurrentRetry extends RuntimeException {
        ConcurrentRetry() {
            super(null, null, false, false);
        }
    }

    private static Answer replay(Idempotency.Stored stored, String requestHash, String key) {
        if (!stored.requestHash().equals(requestHash)) {
            throw ApprovalProblems.keyReused(key);
        }
        return new Answer(stored.status(), stored.response(), null, true, null);
    }

    /** Unknown or a condition that asks for a person: an officer. A failed condition: refused. Else: approved. */
    static Decision decide(List<ConditionResult> results) {
        boolean person = results.stream().anyMatch(r -> r.outcome() == Outcome.UNKNOWN
                || (r.outcome() == Outcome.FAIL && r.condition().onFail() == OnFail.MANUAL));
        if (person) {
            return Decision.MANUAL_REVIEW;
        }
        return results.stream().anyMatch(r -> r.outcome() == Outcome.FAIL) ? Decision.REJECTED : Decision.APPROVED;
    }

    private String requestHash(String item, Map<String, Object> form, Map<String, String> materialIds) {
        var canonical = new TreeMap<String, Object>();
        canonical.put("item", item);
        canonical.put("form", form == null ? Map.of() : new TreeMap<>(form));
        if (materialIds != null && !materialIds.isEmpty()) {
            canonical.put("materials", new TreeMap<>(materialIds));
        }
        return Sm3.hex(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
    }

    private Reason reason(ConditionResult result) {
        var c = result.condition();
        var zh = switch (result.outcome()) {
            case PASS -> "符合：" + c.requirement().zh();
            case FAIL -> "不符合：" + c.requirement().zh();
            case UNKNOWN -> "无法核实：" + c.requirement().zh() + "（" + unknownZh(result) + "，转人工审核）";
        };
        var en = switch (result.outcome()) {
            case PASS -> "Met: " + c.requirement().en();
            case FAIL -> "Not met: " + c.requirement().en();
            case UNKNOWN -> "Could not be verified: " + c.requirement().en() + " (" + unknownEn(result)
                    + "; referred to an officer)";
        };
        return new Reason(c.id(), result.outcome().name(), text(zh, en), c.basis().cite(), result.explanation());
    }

    private static String unknownZh(ConditionResult result) {
        var why = result.unknownBecause() == null ? "" : result.unknownBecause();
        if (why.startsWith("source unavailable: ")) {
            return "数据源暂不可用：" + SourceNames.zh(why.substring("source unavailable: ".length()));
        }
        if (why.startsWith("no record in: ")) {
            return SourceNames.zh(why.substring("no record in: ".length())) + "中没有申请人的记录";
        }
        return "所需数据缺失";
    }

    private static String unknownEn(ConditionResult result) {
        var why = result.unknownBecause() == null ? "" : result.unknownBecause();
        if (why.startsWith("source unavailable: ")) {
            return "data source unavailable: " + why.substring("source unavailable: ".length());
        }
        if (why.startsWith("no record in: ")) {
            return "no record of the applicant in: " + why.substring("no record in: ".length());
        }
        return "the data needed is missing";
    }

    private static String summary(Decision decision, List<ConditionResult> results) {
        var lines = new ArrayList<String>();
        for (var r : results) {
            if (r.outcome() != Outcome.PASS) {
                lines.add(r.condition().id() + ": " + r.outcome());
            }
        }
        return switch (decision) {
            case APPROVED -> "所有条件均符合 / all conditions met";
            case REJECTED, MANUAL_REVIEW -> String.join("; ", lines);
        };
    }

    private static Text why(List<ConditionResult> results) {
        var zh = new ArrayList<String>();
        var en = new ArrayList<String>();
        for (var r : results) {
            if (r.outcome() == Outcome.UNKNOWN || (r.outcome() == Outcome.FAIL
                    && r.condition().onFail() == OnFail.MANUAL)) {
                zh.add(r.condition().requirement().zh());
                en.add(r.condition().requirement().en());
            }
        }
        return text("需人工核实：" + String.join("；", zh), "An officer must check: " + String.join("; ", en));
    }

    /**
     * The item's limits for its case, each in its own unit. Where no law sets a limit, the case is held to the
     * published promise, and says that no law sets it; an item whose law allows no extension gets none.
     */
    static Limits limits(ServiceItem.TimeLimit limits) {
        var promised = limits.promised();
        var promise = new CaseEngine.Limit(promised.days(), unit(promised.unit()), promised.basis());
        var statutory = limits.statutory();
        var extension = limits.extension();
        return new Limits(statutory == null ? promise
                        : new CaseEngine.Limit(statutory.days(), unit(statutory.unit()), statutory.basis().cite()),
                statutory != null, promise, extension == null ? Limits.NO_EXTENSION
                        : new CaseEngine.Limit(extension.days(), unit(extension.unit()), extension.basis().cite()));
    }

    private static DecisionView.Limit limit(cn.youfu.cases.CaseView.Limit limit) {
        return limit == null ? null : new DecisionView.Limit(limit.days(), limit.unit(), limit.basis(), limit.byLaw());
    }

    private static PeriodUnit unit(ServiceItem.DayUnit unit) {
        return unit == ServiceItem.DayUnit.WORKING_DAYS ? PeriodUnit.WORKING_DAYS : PeriodUnit.DAYS;
    }

    /** The case action by which an applicant refuses a decision made by the rules alone (service-application type). */
    static final String HUMAN_REVIEW = "request-human-review";

    private static DecisionView.HumanReview humanReview(String reference) {
        return new DecisionView.HumanReview("/api/v1/applications/" + reference + "/human-review", HUMAN_REVIEW,
                "《中华人民共和国个人信息保护法》第二十四条第三款");
    }

    /**
     * The applicant refuses the decision the rules alone made and asks for an officer: the same case reopens into
     * manual review on the item's statutory clock, recorded in the ledger.
     */
    cn.youfu.cases.CaseView requestHumanReview(CurrentUser user, String reference, String comment) {
        return cases.take(reference, HUMAN_REVIEW, comment, user);
    }

    /** The remedy the refused case states, as its case type words it. */
    private static DecisionView.Remedies remedies(cn.youfu.cases.CaseView.Remedy remedy) {
        return remedy == null ? null : new DecisionView.Remedies(remedy.code(), text(remedy.text()), remedy.basis(),
                remedy.steps().stream().map(step -> new DecisionView.Step(step.kind(), step.within(), step.per(),
                        step.first(), text(step.text()), step.basis())).toList());
    }

    private static Text text(cn.youfu.platform.LocalizedText text) {
        return new Text(text.zh(), text.en());
    }

    private static Text text(String zh, String en) {
        return new Text(zh, en);
    }
}
