package com.overdue.collections.lambda.ses;

import com.overdue.collections.core.port.ReminderSender;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ses.SesClient;

/** Sends a MIME e-mail through SES {@code SendRawEmail} (the IAM policy allows it on the sender identity only). */
public final class SesEmailSender {

    private final SesClient ses;

    public SesEmailSender(SesClient ses) {
        this.ses = ses;
    }

    public String send(MimeEmail email) {
        try {
            return ses.sendRawEmail(b -> b.source(email.from()).destinations(email.to())
                    .rawMessage(r -> r.data(SdkBytes.fromByteArray(email.toBytes())))).messageId();
        } catch (SdkException e) {
            // The provider's message may quote the address: only the error class goes into records and logs.
            throw new ReminderSender.DeliveryException("SES " + e.getClass().getSimpleName(), e);
        }
    }
}
