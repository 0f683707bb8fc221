package com.overdue.collections.lambda.sns;

import com.overdue.collections.core.port.ReminderSender;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/** Sends an SMS through SNS {@code Publish} to a phone number: transactional type, sender id from configuration. */
public final class SnsSmsSender {

    private final SnsClient sns;
    private final String senderId;

    public SnsSmsSender(SnsClient sns, String senderId) {
        this.sns = sns;
        this.senderId = senderId;
    }

    public String send(String phoneNumber, String text) {
        try {
            return sns.publish(b -> b.phoneNumber(phoneNumber).message(text).messageAttributes(Map.of(
                    "AWS.SNS.SMS.SMSType", string("Transactional"),
                    "AWS.SNS.SMS.SenderID", string(senderId)))).messageId();
        } catch (SdkException e) {
            throw new ReminderSender.DeliveryException("SNS " + e.getClass().getSimpleName(), e);
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
