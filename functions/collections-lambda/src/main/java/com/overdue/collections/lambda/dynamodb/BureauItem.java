package com.overdue.collections.lambda.dynamodb;

/** {@code LOAN#<id> / BUREAU#<cycle>}: what one cycle reported to the credit bureaus for the loan; the record as JSON. */
public class BureauItem {
    private String pk;
    private String sk;
    private String cycleDate;
    private String body;

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }
    public String getCycleDate() { return cycleDate; }
    public void setCycleDate(String cycleDate) { this.cycleDate = cycleDate; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
}
