package com.overdue.collections.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts DynamoDB requests per operation and the capacity they consumed. Asks for {@code ReturnConsumedCapacity} on
 * every request that supports it and adds up what the service reports ("reported"); independently computes the
 * units from item sizes by the published rules ("model": 1 WCU per started KB of the larger of old and new item,
 * transactional writes doubled, one index write per index entry put or deleted; 1 RCU per started 4 KB read,
 * halved when eventually consistent, at least one unit per request), because DynamoDB Local is not the billing
 * service. The model knows the previous image of every item written through this client.
 */
final class CapacityMeter implements ExecutionInterceptor {

    private final ReturnConsumedCapacity mode;
    private final String partitionKey;
    private final String sortKey;
    private final List<String> indexKeys;
    private final Map<String, OpStats> ops = new ConcurrentHashMap<>();
    private final Map<String, Image> images = new ConcurrentHashMap<>();
    private final Map<String, KindStats> kinds = new ConcurrentHashMap<>();

    /**
     * The last written size of an item, its key in the secondary index ({@code null}: not indexed) and a hash of
     * its content (an identical rewrite changes no index entry).
     */
    private record Image(int size, String indexKey, int contentHash) {
    }

    CapacityMeter(ReturnConsumedCapacity mode, String partitionKey, String sortKey, List<String> indexKeys) {
        this.mode = mode;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.indexKeys = List.copyOf(indexKeys);
    }

    /** Mutable counters of one operation. */
    private static final class OpStats {
        final LongAdder requests = new LongAdder();
        final LongAdder attempts = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder items = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder withoutCapacity = new LongAdder();
        final DoubleAdder reportedRead = new DoubleAdder();
        final DoubleAdder reportedWrite = new DoubleAdder();
        final DoubleAdder reportedTable = new DoubleAdder();
        final DoubleAdder reportedIndexes = new DoubleAdder();
        final DoubleAdder modelRead = new DoubleAdder();
        final DoubleAdder modelTableWrite = new DoubleAdder();
        final DoubleAdder modelIndexWrite = new DoubleAdder();
    }

    /** Mutable counters of the items written of one kind. */
    private static final class KindStats {
        final LongAdder writes = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final DoubleAdder modelTableWrite = new DoubleAdder();
        final DoubleAdder modelIndexWrite = new DoubleAdder();
    }

    /**
     * The item writes of one kind: the sort key up to its first {@code #} ({@code META}, {@code DPI},
     * {@code BUCKET}, {@code EVT} …), with " (transaction)" when written by TransactWriteItems. Tells which item
     * the write units went to.
     */
    record KindFigures(String kind, long writes, long bytes, double modelTableWcu, double modelIndexWcu) {

        double avgBytes() {
            return writes == 0 ? 0 : (double) bytes / writes;
        }

        double modelWcu() {
            return modelTableWcu + modelIndexWcu;
        }

        KindFigures plus(KindFigures o) {
            return new KindFigures(kind, writes + o.writes, bytes + o.bytes, modelTableWcu + o.modelTableWcu,
                    modelIndexWcu + o.modelIndexWcu);
        }
    }

    /**
     * One operation's figures: requests completed, HTTP attempts, failed calls, items read or written, their bytes,
     * responses that carried no ConsumedCapacity, capacity reported (read, write, and with INDEXES the table and
     * index parts) and capacity by the size model (read; table write; index write).
     */
    record OpFigures(String operation, long requests, long attempts, long failures, long items, long bytes,
                     long withoutCapacity, double reportedRcu, double reportedWcu, double reportedTableCu,
                     double reportedIndexCu, double modelRcu, double modelTableWcu, double modelIndexWcu) {

        double modelWcu() {
            return modelTableWcu + modelIndexWcu;
        }

        OpFigures plus(OpFigures o) {
            return new OpFigures(operation, requests + o.requests, attempts + o.attempts, failures + o.failures,
                    items + o.items, bytes + o.bytes, withoutCapacity + o.withoutCapacity,
                    reportedRcu + o.reportedRcu, reportedWcu + o.reportedWcu, reportedTableCu + o.reportedTableCu,
                    reportedIndexCu + o.reportedIndexCu, modelRcu + o.modelRcu, modelTableWcu + o.modelTableWcu,
                    modelIndexWcu + o.modelIndexWcu);
        }

        static OpFigures zero(String operation) {
            return new OpFigures(operation, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** What the meter saw since the last reset, by operation name (sorted), plus a {@code TOTAL} row. */
    record Reading(Map<String, OpFigures> byOperation, OpFigures total, Map<String, KindFigures> byKind) {

        Reading(Map<String, OpFigures> byOperation, OpFigures total) {
            this(byOperation, total, Map.of());
        }

        /** The sum of several readings (several days, several phases). */
        static Reading sum(List<Reading> readings) {
            Map<String, OpFigures> byOp = new TreeMap<>();
            Map<String, KindFigures> byKind = new TreeMap<>();
            OpFigures total = OpFigures.zero("TOTAL");
            for (Reading r : readings) {
                for (OpFigures f : r.byOperation().values()) {
                    byOp.merge(f.operation(), f, OpFigures::plus);
                }
                for (KindFigures k : r.byKind().values()) {
                    byKind.merge(k.kind(), k, KindFigures::plus);
                }
                total = total.plus(r.total());
            }
            return new Reading(byOp, total, byKind);
        }

        /** Model write units of this reading, by item kind prefix ({@code META}, {@code PEN} …), all writes. */
        KindFigures kind(String prefix) {
            KindFigures out = new KindFigures(prefix, 0, 0, 0, 0);
            for (KindFigures k : byKind.values()) {
                if (k.kind().equals(prefix) || k.kind().startsWith(prefix + " ")) {
                    out = out.plus(k);
                }
            }
            return out;
        }

        OpFigures op(String name) {
            return byOperation.getOrDefault(name, OpFigures.zero(name));
        }
    }

    void reset() {
        ops.clear();
        kinds.clear();
    }

    Reading read() {
        Map<String, OpFigures> out = new TreeMap<>();
        OpFigures total = OpFigures.zero("TOTAL");
        for (Map.Entry<String, OpStats> e : ops.entrySet()) {
            OpStats s = e.getValue();
            OpFigures f = new OpFigures(e.getKey(), s.requests.sum(), s.attempts.sum(), s.failures.sum(),
                    s.items.sum(), s.bytes.sum(), s.withoutCapacity.sum(), s.reportedRead.sum(),
                    s.reportedWrite.sum(), s.reportedTable.sum(), s.reportedIndexes.sum(), s.modelRead.sum(),
                    s.modelTableWrite.sum(), s.modelIndexWrite.sum());
            out.put(e.getKey(), f);
            total = total.plus(f);
        }
        Map<String, KindFigures> byKind = new TreeMap<>();
        kinds.forEach((k, v) -> byKind.put(k, new KindFigures(k, v.writes.sum(), v.bytes.sum(),
                v.modelTableWrite.sum(), v.modelIndexWrite.sum())));
        return new Reading(Collections.unmodifiableMap(out), total, Collections.unmodifiableMap(byKind));
    }

    private OpStats stats(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return ops.computeIfAbsent(name == null ? "?" : name, n -> new OpStats());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        if (r instanceof PutItemRequest p) {
            return p.toBuilder().returnConsumedCapacity(mode).build();
        } else if (r instanceof GetItemRequest g) {
            return g.toBuilder().returnConsumedCapacity(mode).build();
        } else if (r instanceof QueryRequest q) {
            return q.toBuilder().returnConsumedCapacity(mode).build();
        } else if (r instanceof ScanRequest s) {
            return s.toBuilder().returnConsumedCapacity(mode).build();
        } else if (r instanceof UpdateItemRequest u) {
            return u.toBuilder().returnConsumedCapacity(mode).build();
        } else if (r instanceof DeleteItemRequest d) {
            return d.toBuilder().returnConsumedCapacity(mode).build();
        } else if (r instanceof TransactWriteItemsRequest t) {
            return t.toBuilder().returnConsumedCapacity(mode).build();
        } else if (r instanceof TransactGetItemsRequest t) {
            return t.toBuilder().returnConsumedCapacity(mode).build();
        } else if (r instanceof BatchWriteItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(mode).build();
        } else if (r instanceof BatchGetItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(mode).build();
        }
        return r;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        stats(attributes).attempts.increment();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        OpStats s = stats(attributes);
        s.requests.increment();
        s.failures.increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        OpStats s = stats(attributes);
        s.requests.increment();
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        List<ConsumedCapacity> capacity = new ArrayList<>();
        boolean write = false;
        if (response instanceof PutItemResponse r) {
            write = true;
            add(capacity, r.consumedCapacity());
            PutItemRequest p = (PutItemRequest) request;
            s.items.increment();
            modelPut(s, p.tableName(), p.item(), false);
        } else if (response instanceof UpdateItemResponse r) {
            write = true;
            add(capacity, r.consumedCapacity());
            s.items.increment();
        } else if (response instanceof DeleteItemResponse r) {
            write = true;
            add(capacity, r.consumedCapacity());
            DeleteItemRequest d = (DeleteItemRequest) request;
            s.items.increment();
            modelDelete(s, d.tableName(), d.key(), false);
        } else if (response instanceof TransactWriteItemsResponse r) {
            write = true;
            if (r.hasConsumedCapacity()) {
                capacity.addAll(r.consumedCapacity());
            }
            for (TransactWriteItem item : ((TransactWriteItemsRequest) request).transactItems()) {
                s.items.increment();
                if (item.put() != null) {
                    modelPut(s, item.put().tableName(), item.put().item(), true);
                } else if (item.delete() != null) {
                    modelDelete(s, item.delete().tableName(), item.delete().key(), true);
                }
            }
        } else if (response instanceof BatchWriteItemResponse r) {
            write = true;
            if (r.hasConsumedCapacity()) {
                capacity.addAll(r.consumedCapacity());
            }
            ((BatchWriteItemRequest) request).requestItems().forEach((table, writes) -> {
                for (WriteRequest w : writes) {
                    s.items.increment();
                    if (w.putRequest() != null) {
                        modelPut(s, table, w.putRequest().item(), false);
                    } else if (w.deleteRequest() != null) {
                        modelDelete(s, table, w.deleteRequest().key(), false);
                    }
                }
            });
        } else if (response instanceof GetItemResponse r) {
            add(capacity, r.consumedCapacity());
            int size = r.hasItem() ? ItemSize.of(r.item()) : 0;
            s.items.add(r.hasItem() ? 1 : 0);
            s.bytes.add(size);
            s.modelRead.add(ItemSize.readUnits(size) * factor(((GetItemRequest) request).consistentRead()));
        } else if (response instanceof QueryResponse r) {
            add(capacity, r.consumedCapacity());
            readMany(s, r.items(), ((QueryRequest) request).consistentRead());
        } else if (response instanceof ScanResponse r) {
            add(capacity, r.consumedCapacity());
            readMany(s, r.items(), ((ScanRequest) request).consistentRead());
        } else if (response instanceof TransactGetItemsResponse r) {
            if (r.hasConsumedCapacity()) {
                capacity.addAll(r.consumedCapacity());
            }
            r.responses().forEach(i -> {
                int size = ItemSize.of(i.item());
                s.items.increment();
                s.bytes.add(size);
                s.modelRead.add(2.0 * ItemSize.readUnits(size));
            });
        } else if (response instanceof BatchGetItemResponse r) {
            if (r.hasConsumedCapacity()) {
                capacity.addAll(r.consumedCapacity());
            }
            r.responses().values().forEach(items -> items.forEach(i -> {
                int size = ItemSize.of(i);
                s.items.increment();
                s.bytes.add(size);
                s.modelRead.add(ItemSize.readUnits(size) * 0.5);
            }));
        } else {
            return; // not a data operation (CreateTable, DescribeTable …): counted, not metered
        }
        if (capacity.isEmpty()) {
            s.withoutCapacity.increment();
        }
        for (ConsumedCapacity c : capacity) {
            double units = c.capacityUnits() != null ? c.capacityUnits()
                    : nz(c.readCapacityUnits()) + nz(c.writeCapacityUnits());
            if (c.readCapacityUnits() != null || c.writeCapacityUnits() != null) {
                s.reportedRead.add(nz(c.readCapacityUnits()));
                s.reportedWrite.add(nz(c.writeCapacityUnits()));
            } else if (write) {
                s.reportedWrite.add(units);
            } else {
                s.reportedRead.add(units);
            }
            if (c.table() != null) {
                s.reportedTable.add(units(c.table()));
            }
            if (c.hasGlobalSecondaryIndexes()) {
                c.globalSecondaryIndexes().values().forEach(i -> s.reportedIndexes.add(units(i)));
            }
            if (c.hasLocalSecondaryIndexes()) {
                c.localSecondaryIndexes().values().forEach(i -> s.reportedIndexes.add(units(i)));
            }
        }
    }

    private void readMany(OpStats s, List<Map<String, AttributeValue>> items, Boolean consistent) {
        long bytes = 0;
        for (Map<String, AttributeValue> item : items) {
            bytes += ItemSize.of(item);
        }
        s.items.add(items.size());
        s.bytes.add(bytes);
        s.modelRead.add(ItemSize.readUnits(bytes) * factor(consistent));
    }

    private void modelPut(OpStats s, String table, Map<String, AttributeValue> item, boolean transactional) {
        int size = ItemSize.of(item);
        s.bytes.add(size);
        Image now = new Image(size, indexKey(item), item.hashCode());
        Image before = images.put(imageKey(table, item), now);
        int tableUnits = ItemSize.writeUnits(Math.max(size, before == null ? 0 : before.size()));
        double tableWrite = transactional ? 2.0 * tableUnits : tableUnits;
        int index = indexWrites(before, now);
        s.modelTableWrite.add(tableWrite);
        s.modelIndexWrite.add(index);
        kind(item, transactional, size, tableWrite, index);
    }

    private void kind(Map<String, AttributeValue> key, boolean transactional, int size, double table, int index) {
        AttributeValue sk = key.get(sortKey);
        String name = sk == null || sk.s() == null ? "?" : sk.s();
        int hash = name.indexOf('#');
        name = (hash > 0 ? name.substring(0, hash) : name) + (transactional ? " (transaction)" : "");
        KindStats k = kinds.computeIfAbsent(name, n -> new KindStats());
        k.writes.increment();
        k.bytes.add(size);
        k.modelTableWrite.add(table);
        k.modelIndexWrite.add(index);
    }

    private void modelDelete(OpStats s, String table, Map<String, AttributeValue> key, boolean transactional) {
        Image before = images.remove(imageKey(table, key));
        int tableUnits = ItemSize.writeUnits(before == null ? 0 : before.size());
        double tableWrite = transactional ? 2.0 * tableUnits : tableUnits;
        int index = indexWrites(before, null);
        s.modelTableWrite.add(tableWrite);
        s.modelIndexWrite.add(index);
        kind(key, transactional, 0, tableWrite, index);
    }

    /**
     * Index writes (ALL projection, so an entry is as large as the item): a new entry is one put, a dropped entry
     * one delete, a moved entry (index key changed) a delete plus a put, an entry whose key stayed one put (none
     * when the item was rewritten unchanged). Charged at the standard rate also for transactional writes (an
     * assumption: the developer guide states the doubling for the items written, not for their index entries).
     */
    private static int indexWrites(Image before, Image now) {
        boolean was = before != null && before.indexKey() != null;
        boolean is = now != null && now.indexKey() != null;
        if (was && is) {
            if (!before.indexKey().equals(now.indexKey())) {
                return ItemSize.writeUnits(before.size()) + ItemSize.writeUnits(now.size());
            }
            return before.contentHash() == now.contentHash() && before.size() == now.size() ? 0
                    : ItemSize.writeUnits(now.size());
        }
        if (was) {
            return ItemSize.writeUnits(before.size());
        }
        return is ? ItemSize.writeUnits(now.size()) : 0;
    }

    private String indexKey(Map<String, AttributeValue> item) {
        StringBuilder key = new StringBuilder();
        for (String attribute : indexKeys) {
            AttributeValue v = item.get(attribute);
            if (v == null || v.s() == null) {
                return null;
            }
            key.append(v.s()).append('\u0001');
        }
        return key.toString();
    }

    private String imageKey(String table, Map<String, AttributeValue> item) {
        return table + '\u0001' + item.get(partitionKey).s() + '\u0001' + item.get(sortKey).s();
    }

    private static void add(List<ConsumedCapacity> list, ConsumedCapacity c) {
        if (c != null) {
            list.add(c);
        }
    }

    private static double factor(Boolean consistentRead) {
        return Boolean.TRUE.equals(consistentRead) ? 1.0 : 0.5;
    }

    private static double units(Capacity c) {
        return c.capacityUnits() != null ? c.capacityUnits()
                : nz(c.readCapacityUnits()) + nz(c.writeCapacityUnits());
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }
}
