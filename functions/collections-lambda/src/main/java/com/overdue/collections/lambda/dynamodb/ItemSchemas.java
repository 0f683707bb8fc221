package com.overdue.collections.lambda.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Table schemas of the item kinds, spelled out with {@link StaticTableSchema} and built each time they are asked
 * for (once per repository). Why not {@code TableSchema.fromBean}: bean introspection generates lambdas with
 * LambdaMetafactory in the SDK's class loader, which fails under Quarkus' test class loader and needs reflection
 * configuration in a native image; explicit getters and setters need neither.
 */
final class ItemSchemas {

    private ItemSchemas() {
    }

    static TableSchema<LoanItem> loan() {
        StaticTableSchema.Builder<LoanItem> b = StaticTableSchema.builder(LoanItem.class).newItemSupplier(LoanItem::new);
        keys(b, LoanItem::getPk, LoanItem::setPk, LoanItem::getSk, LoanItem::setSk);
        b.addAttribute(Long.class, a -> a.name("version").getter(LoanItem::getVersion).setter(LoanItem::setVersion)
                .tags(VersionedRecordExtension.AttributeTags.versionAttribute()));
        text(b, "borrowerId", LoanItem::getBorrowerId, LoanItem::setBorrowerId);
        text(b, "timeZone", LoanItem::getTimeZone, LoanItem::setTimeZone);
        text(b, "asOf", LoanItem::getAsOf, LoanItem::setAsOf);
        b.addAttribute(Integer.class, a -> a.name("daysPastDue").getter(LoanItem::getDaysPastDue)
                .setter(LoanItem::setDaysPastDue));
        text(b, "severity", LoanItem::getSeverity, LoanItem::setSeverity);
        text(b, "bucket", LoanItem::getBucket, LoanItem::setBucket);
        b.addAttribute(String.class, a -> a.name("snapshot").getter(LoanItem::getSnapshot)
                .setter(LoanItem::setSnapshot).attributeConverter(new CompressedText()));
        b.addAttribute(String.class, a -> a.name("reviewShard").getter(LoanItem::getReviewShard)
                .setter(LoanItem::setReviewShard).tags(StaticAttributeTags.secondaryPartitionKey(LoanTable.REVIEW_INDEX)));
        b.addAttribute(String.class, a -> a.name("reviewAt").getter(LoanItem::getReviewAt)
                .setter(LoanItem::setReviewAt).tags(StaticAttributeTags.secondarySortKey(LoanTable.REVIEW_INDEX)));
        return b.build();
    }

    static TableSchema<EventItem> event() {
        StaticTableSchema.Builder<EventItem> b = StaticTableSchema.builder(EventItem.class)
                .newItemSupplier(EventItem::new);
        keys(b, EventItem::getPk, EventItem::setPk, EventItem::getSk, EventItem::setSk);
        text(b, "eventId", EventItem::getEventId, EventItem::setEventId);
        text(b, "type", EventItem::getType, EventItem::setType);
        text(b, "occurredAt", EventItem::getOccurredAt, EventItem::setOccurredAt);
        text(b, "body", EventItem::getBody, EventItem::setBody);
        text(b, "contentHash", EventItem::getContentHash, EventItem::setContentHash);
        return b.build();
    }

    static TableSchema<DelinquencyChangeItem> delinquencyChange() {
        StaticTableSchema.Builder<DelinquencyChangeItem> b = StaticTableSchema.builder(DelinquencyChangeItem.class)
                .newItemSupplier(DelinquencyChangeItem::new);
        keys(b, DelinquencyChangeItem::getPk, DelinquencyChangeItem::setPk, DelinquencyChangeItem::getSk,
                DelinquencyChangeItem::setSk);
        text(b, "on", DelinquencyChangeItem::getOn, DelinquencyChangeItem::setOn);
        text(b, "fromBucket", DelinquencyChangeItem::getFromBucket, DelinquencyChangeItem::setFromBucket);
        text(b, "toBucket", DelinquencyChangeItem::getToBucket, DelinquencyChangeItem::setToBucket);
        text(b, "fromSeverity", DelinquencyChangeItem::getFromSeverity, DelinquencyChangeItem::setFromSeverity);
        text(b, "toSeverity", DelinquencyChangeItem::getToSeverity, DelinquencyChangeItem::setToSeverity);
        b.addAttribute(Integer.class, a -> a.name("daysPastDue").getter(DelinquencyChangeItem::getDaysPastDue)
                .setter(DelinquencyChangeItem::setDaysPastDue));
        text(b, "cause", DelinquencyChangeItem::getCause, DelinquencyChangeItem::setCause);
        return b.build();
    }

    static TableSchema<PenaltyItem> penalty() {
        StaticTableSchema.Builder<PenaltyItem> b = StaticTableSchema.builder(PenaltyItem.class)
                .newItemSupplier(PenaltyItem::new);
        keys(b, PenaltyItem::getPk, PenaltyItem::setPk, PenaltyItem::getSk, PenaltyItem::setSk);
        text(b, "day", PenaltyItem::getDay, PenaltyItem::setDay);
        b.addAttribute(Integer.class, a -> a.name("adjustmentNo").getter(PenaltyItem::getAdjustmentNo)
                .setter(PenaltyItem::setAdjustmentNo));
        text(b, "postedOn", PenaltyItem::getPostedOn, PenaltyItem::setPostedOn);
        text(b, "currency", PenaltyItem::getCurrency, PenaltyItem::setCurrency);
        text(b, "body", PenaltyItem::getBody, PenaltyItem::setBody);
        return b.build();
    }

    static TableSchema<BureauItem> bureau() {
        StaticTableSchema.Builder<BureauItem> b = StaticTableSchema.builder(BureauItem.class)
                .newItemSupplier(BureauItem::new);
        keys(b, BureauItem::getPk, BureauItem::setPk, BureauItem::getSk, BureauItem::setSk);
        text(b, "cycleDate", BureauItem::getCycleDate, BureauItem::setCycleDate);
        text(b, "body", BureauItem::getBody, BureauItem::setBody);
        return b.build();
    }

    static TableSchema<BorrowerItem> borrower() {
        StaticTableSchema.Builder<BorrowerItem> b = StaticTableSchema.builder(BorrowerItem.class)
                .newItemSupplier(BorrowerItem::new);
        keys(b, BorrowerItem::getPk, BorrowerItem::setPk, BorrowerItem::getSk, BorrowerItem::setSk);
        text(b, "firstName", BorrowerItem::getFirstName, BorrowerItem::setFirstName);
        text(b, "middleName", BorrowerItem::getMiddleName, BorrowerItem::setMiddleName);
        text(b, "lastName", BorrowerItem::getLastName, BorrowerItem::setLastName);
        text(b, "locale", BorrowerItem::getLocale, BorrowerItem::setLocale);
        text(b, "timeZone", BorrowerItem::getTimeZone, BorrowerItem::setTimeZone);
        text(b, "email", BorrowerItem::getEmail, BorrowerItem::setEmail);
        text(b, "phone", BorrowerItem::getPhone, BorrowerItem::setPhone);
        text(b, "dateOfBirth", BorrowerItem::getDateOfBirth, BorrowerItem::setDateOfBirth);
        text(b, "nationalId", BorrowerItem::getNationalId, BorrowerItem::setNationalId);
        text(b, "addressLine1", BorrowerItem::getAddressLine1, BorrowerItem::setAddressLine1);
        text(b, "addressLine2", BorrowerItem::getAddressLine2, BorrowerItem::setAddressLine2);
        text(b, "city", BorrowerItem::getCity, BorrowerItem::setCity);
        text(b, "state", BorrowerItem::getState, BorrowerItem::setState);
        text(b, "postalCode", BorrowerItem::getPostalCode, BorrowerItem::setPostalCode);
        text(b, "country", BorrowerItem::getCountry, BorrowerItem::setCountry);
        text(b, "stamps", BorrowerItem::getStamps, BorrowerItem::setStamps);
        text(b, "revision", BorrowerItem::getRevision, BorrowerItem::setRevision);
        text(b, "erasedAt", BorrowerItem::getErasedAt, BorrowerItem::setErasedAt);
        text(b, "eventId", BorrowerItem::getEventId, BorrowerItem::setEventId);
        text(b, "occurredAt", BorrowerItem::getOccurredAt, BorrowerItem::setOccurredAt);
        text(b, "changedFields", BorrowerItem::getChangedFields, BorrowerItem::setChangedFields);
        return b.build();
    }

    private static <T> void keys(StaticTableSchema.Builder<T> b, Function<T, String> pk, BiConsumer<T, String> setPk,
                                 Function<T, String> sk, BiConsumer<T, String> setSk) {
        b.addAttribute(String.class, a -> a.name("PK").getter(pk).setter(setPk)
                .tags(StaticAttributeTags.primaryPartitionKey()));
        b.addAttribute(String.class, a -> a.name("SK").getter(sk).setter(setSk)
                .tags(StaticAttributeTags.primarySortKey()));
    }

    private static <T> void text(StaticTableSchema.Builder<T> b, String name, Function<T, String> getter,
                                 BiConsumer<T, String> setter) {
        b.addAttribute(String.class, a -> a.name(name).getter(getter).setter(setter));
    }
}
