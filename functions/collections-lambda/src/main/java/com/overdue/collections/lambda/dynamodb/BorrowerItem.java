package com.overdue.collections.lambda.dynamodb;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code BORROWER#<id> / PROFILE}: contact details. This is the only item holding PII; the table is encrypted at
 * rest with KMS and nothing here is ever logged. Each field carries the stamp of the change that set it, so changes
 * apply newest-wins in {@code occurredAt} order. {@code BORROWER#<id> / CHANGE#<occurredAt>#<eventId>} records each
 * change (field names, no values); {@code BORROWER#<id> / LOAN#<loanId>} links the borrower's loans.
 */
@RegisterForReflection
public class BorrowerItem {
    private String pk;
    private String sk;
    private String firstName;
    private String middleName;
    private String lastName;
    private String locale;
    private String timeZone;
    private String email;
    private String phone;
    private String dateOfBirth;
    private String nationalId;
    private String addressLine1;
    private String addressLine2;
    private String city;
    private String state;
    private String postalCode;
    private String country;
    private String stamps;
    private String revision;
    private String erasedAt;
    private String eventId;
    private String occurredAt;
    private String changedFields;

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }

    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }

    public String getFirstName() { return firstName; }
    public void setFirstName(String v) { this.firstName = v; }
    public String getMiddleName() { return middleName; }
    public void setMiddleName(String v) { this.middleName = v; }
    public String getLastName() { return lastName; }
    public void setLastName(String v) { this.lastName = v; }
    public String getLocale() { return locale; }
    public void setLocale(String v) { this.locale = v; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String v) { this.timeZone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { this.email = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { this.phone = v; }
    public String getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(String v) { this.dateOfBirth = v; }
    public String getNationalId() { return nationalId; }
    public void setNationalId(String v) { this.nationalId = v; }
    public String getAddressLine1() { return addressLine1; }
    public void setAddressLine1(String v) { this.addressLine1 = v; }
    public String getAddressLine2() { return addressLine2; }
    public void setAddressLine2(String v) { this.addressLine2 = v; }
    public String getCity() { return city; }
    public void setCity(String v) { this.city = v; }
    public String getState() { return state; }
    public void setState(String v) { this.state = v; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { this.postalCode = v; }
    public String getCountry() { return country; }
    public void setCountry(String v) { this.country = v; }

    /** PROFILE: per field, the change that set it ({@code field=occurredAt#eventId;...}); ids and instants only. */
    public String getStamps() { return stamps; }
    public void setStamps(String v) { this.stamps = v; }
    /** PROFILE: bumped on every write, the condition of the next one (optimistic locking). */
    public String getRevision() { return revision; }
    public void setRevision(String v) { this.revision = v; }
    public String getErasedAt() { return erasedAt; }
    public void setErasedAt(String v) { this.erasedAt = v; }
    /** CHANGE#...: the event that changed the record, when it occurred, and the names of the fields it set. */
    public String getEventId() { return eventId; }
    public void setEventId(String v) { this.eventId = v; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String v) { this.occurredAt = v; }
    public String getChangedFields() { return changedFields; }
    public void setChangedFields(String v) { this.changedFields = v; }
}
