package org.livecomply.archive.service;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.livecomply.archive.domain.AppendResult;
import org.livecomply.archive.domain.Frontier;
import org.livecomply.archive.domain.NewRecord;
import org.livecomply.archive.domain.Node;
import org.livecomply.archive.domain.NodeKey;
import org.livecomply.archive.domain.RecordKey;
import org.livecomply.archive.domain.RecordQuery;
import org.livecomply.archive.domain.RetentionClock;
import org.livecomply.archive.domain.StoredRecord;
import org.livecomply.archive.domain.TreeMath;
import org.livecomply.archive.repository.OrderStore;
import org.livecomply.archive.repository.RecordStore;
import org.livecomply.archive.repository.TreeStore;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.sdk.archive.MerkleHashes;

/** Appending records to the log and reading them (Art. 16; ECL Art. 31). */
@Singleton
public class ArchiveService {

    public static final String EVENT_ALREADY_ARCHIVED = "EVENT_ALREADY_ARCHIVED";
    public static final String RECORD_NOT_FOUND = "RECORD_NOT_FOUND";
    static final int SALT_BYTES = 16;

    private final RecordStore records;
    private final TreeStore tree;
    private final OrderStore orders;
    private final RetentionPolicy retention;
    private final PageTokens pageTokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final TransactionOperations<Connection> transactions;

    public ArchiveService(RecordStore records, TreeStore tree, OrderStore orders, RetentionPolicy retention, PageTokens pageTokens,
                          TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.records = records;
        this.tree = tree;
        this.orders = orders;
        this.retention = retention;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Appends a batch as one transaction: the caller is answered only after it committed. The tree head
     * row is locked first, so concurrent batches (from any replica) extend one tree one after another.
     * An (order, event) archived before is answered with its first result; archived with other content,
     * the whole batch is refused.
     * <p>
     * Most batches are new events, so the first attempt does not look their keys up: the unique key on
     * (order, event) refuses a repeat, that attempt rolls back, and the batch is appended again with the
     * lookup. A resent batch costs one rolled-back attempt; every other batch one query less (issue 5).
     */
    public List<AppendResult> append(List<NewRecord> batch) {
        // Salts and leaf hashes do not depend on the leaf's place: computed before the head lock, they do not hold up other appenders.
        List<byte[]> salts = new ArrayList<>(batch.size());
        List<byte[]> leafHashes = new ArrayList<>(batch.size());
        for (NewRecord record : batch) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            salts.add(salt);
            leafHashes.add(MerkleHashes.leaf(record.payload(), salt));
        }
        try {
            return transactions.executeWrite(status -> appendLocked(batch, salts, leafHashes, false));
        } catch (RuntimeException e) {
            if (!IntegrityViolations.isIntegrityViolation(e)) {
                throw e;
            }
            return transactions.executeWrite(status -> appendLocked(batch, salts, leafHashes, true));
        }
    }

    private List<AppendResult> appendLocked(List<NewRecord> batch, List<byte[]> salts, List<byte[]> leafHashes, boolean lookUpKeys) {
        TreeStore.Head head = tree.lockHead();
        Map<RecordKey, StoredRecord> known = new HashMap<>();
        if (lookUpKeys) {
            Set<RecordKey> keys = new LinkedHashSet<>();
            batch.forEach(record -> keys.add(record.key()));
            known.putAll(records.findByKeys(keys));
        }
        Frontier frontier = null;
        Instant now = now();
        List<StoredRecord> fresh = new ArrayList<>();
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewRecord record = batch.get(i);
            StoredRecord prior = known.get(record.key());
            if (prior != null) {
                if (!prior.erased() && !Arrays.equals(prior.payload(), record.payload())) {
                    throw new AlreadyExistsException(EVENT_ALREADY_ARCHIVED, "Event " + record.eventId() + " of order " + record.orderId()
                            + " is already archived as " + prior.name() + " with different content; archive the change as a new event",
                            Map.of("existing", prior.name(), "order_id", record.orderId(), "event_id", record.eventId()));
                }
                results.add(new AppendResult(prior.leafIndex(), prior.leafHash(), true));
                continue;
            }
            if (frontier == null) {
                frontier = frontier(head);
            }
            byte[] salt = salts.get(i);
            byte[] leafHash = leafHashes.get(i);
            StoredRecord stored = new StoredRecord(frontier.size(), record.orderId(), record.eventId(), record.event(),
                    record.occurTime(), record.roomId(), record.sessionId(), record.marketerId(), record.payload(), salt, leafHash, now);
            frontier.append(leafHash);
            known.put(record.key(), stored);
            fresh.add(stored);
            results.add(new AppendResult(stored.leafIndex(), leafHash, false));
        }
        if (!fresh.isEmpty()) {
            records.insert(fresh);
            tree.insert(frontier.completed());
            tree.updateHead(frontier.size(), frontier.root(), now);
            // Evidence arriving after a purge (a late contact, a dispute) is kept until the next purge run finds it.
            orders.unpurge(fresh.stream().map(StoredRecord::orderId).distinct().toList());
            restartClocks(fresh);
        }
        return results;
    }

    /** Completion starts an order's retention, later after-sales events restart it (Art. 16; LEGAL.md A-1). */
    private void restartClocks(List<StoredRecord> fresh) {
        List<StoredRecord> moving = fresh.stream().filter(record -> RetentionClock.moves(record.event())).toList();
        if (moving.isEmpty()) {
            return;
        }
        Set<String> orderIds = new LinkedHashSet<>();
        moving.forEach(record -> orderIds.add(record.orderId()));
        Map<String, RetentionClock> clocks = new HashMap<>(orders.clocks(orderIds));
        for (StoredRecord record : moving) {
            clocks.put(record.orderId(), clocks.getOrDefault(record.orderId(), RetentionClock.NOT_STARTED)
                    .after(record.event(), record.occurTime()));
        }
        orders.save(clocks, retention.years());
    }

    /** The right edge of the stored tree, checked against the head: appending to a damaged tree would spread the damage. */
    private Frontier frontier(TreeStore.Head head) {
        List<NodeKey> edgeKeys = new TreeMath.Range(0, head.size()).cover();
        Map<NodeKey, byte[]> hashes = tree.find(edgeKeys);
        List<Node> edge = edgeKeys.stream().map(key -> new Node(key, hashes.get(key))).toList();
        if (edge.stream().anyMatch(node -> node.hash() == null)) {
            throw new IllegalStateException("stored tree is missing nodes of its right edge at size " + head.size());
        }
        Frontier frontier = new Frontier(head.size(), edge);
        if (!Arrays.equals(frontier.root(), head.root())) {
            throw new IllegalStateException("stored tree nodes disagree with the tree head at size " + head.size());
        }
        return frontier;
    }

    @Transactional(readOnly = true)
    public StoredRecord get(long leafIndex) {
        return records.find(leafIndex).orElseThrow(() -> new NotFoundException(RECORD_NOT_FOUND, StoredRecord.COLLECTION + leafIndex));
    }

    @Transactional(readOnly = true)
    public PagedResult<StoredRecord> list(RecordQuery query, int pageSize, String pageToken) {
        long after = pageToken.isEmpty() ? -1 : Long.parseLong(pageTokens.open(pageToken, query.canonical()));
        List<StoredRecord> rows = records.page(query, after, pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<StoredRecord> shown = more ? rows.subList(0, pageSize) : rows;
        String next = more ? pageTokens.issue(query.canonical(), Long.toString(shown.get(shown.size() - 1).leafIndex())) : "";
        return new PagedResult<>(shown, next);
    }
}
