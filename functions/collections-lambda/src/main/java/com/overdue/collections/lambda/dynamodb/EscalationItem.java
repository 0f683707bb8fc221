package com.overdue.collections.lambda.dynamodb;

/**
 * The escalation items under a loan: {@code ESCALATION} (current stage, versioned), {@code DECISION#<date>} (one
 * decision, immutable) and {@code ACTION#<decisionId>#<action>} (an action and its publication status). The details
 * are a JSON body; {@code stage}, {@code status} and {@code version} are attributes to read in the console and to
 * condition on. A PENDING action also carries the outbox keys of the {@code review} index ({@link OutboxIndex}).
 */
public class EscalationItem {
    private String pk;
    private String sk;
    private String stage;
    private String status;
    private Long version;
    private String updatedAt;
    private String body;
    private String reviewShard;
    private String reviewAt;

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }
    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getReviewShard() { return reviewShard; }
    public void setReviewShard(String reviewShard) { this.reviewShard = reviewShard; }
    public String getReviewAt() { return reviewAt; }
    public void setReviewAt(String reviewAt) { this.reviewAt = reviewAt; }

    /** The schema, spelled out (native image, Quarkus class loader: see {@link ItemSchemas}). */
    static software.amazon.awssdk.enhanced.dynamodb.TableSchema<EscalationItem> schema() {
        var b = software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema.builder(EscalationItem.class)
                .newItemSupplier(EscalationItem::new);
        b.addAttribute(String.class, a -> a.name("PK").getter(EscalationItem::getPk).setter(EscalationItem::setPk)
                .tags(software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey()));
        b.addAttribute(String.class, a -> a.name("SK").getter(EscalationItem::getSk).setter(EscalationItem::setSk)
                .tags(software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey()));
        b.addAttribute(String.class, a -> a.name("stage").getter(EscalationItem::getStage)
                .setter(EscalationItem::setStage));
        b.addAttribute(String.class, a -> a.name("status").getter(EscalationItem::getStatus)
                .setter(EscalationItem::setStatus));
        b.addAttribute(Long.class, a -> a.name("version").getter(EscalationItem::getVersion)
                .setter(EscalationItem::setVersion));
        b.addAttribute(String.class, a -> a.name("updatedAt").getter(EscalationItem::getUpdatedAt)
                .setter(EscalationItem::setUpdatedAt));
        b.addAttribute(String.class, a -> a.name("body").getter(EscalationItem::getBody)
                .setter(EscalationItem::setBody));
        b.addAttribute(String.class, a -> a.name("reviewShard").getter(EscalationItem::getReviewShard)
                .setter(EscalationItem::setReviewShard));
        b.addAttribute(String.class, a -> a.name("reviewAt").getter(EscalationItem::getReviewAt)
                .setter(EscalationItem::setReviewAt));
        return b.build();
    }
}
