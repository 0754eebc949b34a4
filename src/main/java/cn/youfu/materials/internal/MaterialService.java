package cn.youfu.materials.internal;

import cn.youfu.documents.Documents;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.materials.MaterialReading;
import cn.youfu.materials.Materials;
import cn.youfu.materials.Materials.MaterialFile;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import cn.youfu.materials.MaterialPersonalDataViewed;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Uploads (checked, then stored with the reading PENDING in one transaction) and readings. */
@Service
@EnableConfigurationProperties(MaterialsSettings.class)
class MaterialService implements Materials {

    private final MaterialStore store;
    private final Documents documents;
    private final MaterialTypes types;
    private final ReadingQueue queue;
    private final TransactionTemplate transactions;
    private final MaterialsSettings settings;
    private final UploadCheck check;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MaterialService(MaterialStore store, Documents documents, MaterialTypes types, ReadingQueue queue,
                    TransactionTemplate transactions, MaterialsSettings settings, Clock clock,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.documents = documents;
        this.types = types;
        this.queue = queue;
        this.transactions = transactions;
        this.settings = settings;
        this.check = new UploadCheck(settings.maxSize().toBytes(), settings.maxPixels(), settings.maxPdfPages());
        this.clock = clock;
    }

    /**
     * Checks and stores an upload and queues its reading (after the commit). A refusal stores nothing.
     *
     * @return the stored material, PENDING
     */
    @Override
    public MaterialReading upload(CurrentUser user, String type, byte[] bytes, String declaredType, String filename) {
        if (types.find(type).isEmpty()) {
            throw MaterialProblems.unknownMaterial(type, String.join(", ", types.codes().stream().sorted().toList()));
        }
        var mediaType = check.check(bytes, declaredType, filename);
        var id = UUID.randomUUID();
        // Read back inside the transaction: once it commits, a reader may already have claimed the material.
        return transactions.execute(status -> {
            var sm3 = documents.store(bytes, mediaType);
            store.insert(id, type, sm3.sm3(), mediaType, bytes.length, user.username(), user.subjectId(),
                    clock.instant());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue.offer(id);
                }
            });
            return store.find(id).orElseThrow();
        });
    }

    @Override
    public Set<String> readableTypes() {
        return types.codes();
    }

    @Override
    public Optional<MaterialReading> find(String id) {
        return parse(id).flatMap(store::find);
    }

    @Override
    public Optional<MaterialReading> awaitReading(String id, Duration patience) {
        var deadline = System.nanoTime() + patience.toNanos();
        var found = find(id);
        while (found.isPresent() && !found.get().finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = find(id);
        }
        return found;
    }

    @Override
    public void attach(String id, String caseReference, String department) {
        store.attach(parse(id).orElseThrow(() -> new IllegalArgumentException("not a material id: " + id)),
                caseReference, department);
    }

    @Override
    public long maxSize() {
        return settings.maxSize().toBytes();
    }

    @Override
    public Optional<MaterialFile> file(String id, CurrentUser user) {
        return find(id).filter(m -> mayView(user, m))
                .map(m -> recordedRead(user, m, "file"))
                .flatMap(m -> documents.find(m.documentSm3()))
                .map(d -> new MaterialFile(d.bytes(), d.mediaType()));
    }

    @Override
    public boolean mayView(CurrentUser user, MaterialReading material) {
        if (material.ownerUsername().equals(user.username()) || user.has(Role.SUPERVISOR) || user.has(Role.ADMIN)) {
            return true;
        }
        return (user.has(Role.OFFICER) || user.has(Role.REVIEWER)) && user.department() != null
                && store.departmentsOf(material.id()).contains(user.department());
    }

    /**
     * The material, its read by someone other than its uploader recorded ({@link MaterialPersonalDataViewed}): on the
     * ledger stream of the case it was submitted with, so that a supervisor sees who read whose papers and why.
     */
    MaterialReading recordedRead(CurrentUser user, MaterialReading material, String purpose) {
        if (!material.ownerUsername().equals(user.username())) {
            var cases = store.casesOf(material.id());
            events.publishEvent(new MaterialPersonalDataViewed(cases.isEmpty() ? "material:" + material.id()
                    : cases.get(0), material.id().toString(), user.username(), purpose, clock.instant()));
        }
        return material;
    }

    @Override
    public double minConfidence() {
        return settings.minConfidence();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
