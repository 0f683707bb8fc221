package com.overdue.collections.lambda.function;

import com.overdue.collections.core.ingest.EventRejection;

/** Fails one SQS record so that it is reported as a batch item failure and, after maxReceiveCount, dead-lettered. */
public class RejectedEventException extends RuntimeException {
    public RejectedEventException(EventRejection rejection) {
        super(rejection.describe(), null, false, false);
    }
}
