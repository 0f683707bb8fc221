package com.overdue.collections.lambda.dynamodb;

/** {@code LOAN#<id> / DPI#<day>[#ADJ#<nnnn>]}: one immutable penalty posting; lines and totals as JSON. */
public class PenaltyItem {
    private String pk;
    private String sk;
    private String day;
    private Integer adjustmentNo;
    private String postedOn;
    private String currency;
    private String body;

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }
    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
    public Integer getAdjustmentNo() { return adjustmentNo; }
    public void setAdjustmentNo(Integer adjustmentNo) { this.adjustmentNo = adjustmentNo; }
    public String getPostedOn() { return postedOn; }
    public void setPostedOn(String postedOn) { this.postedOn = postedOn; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
}
