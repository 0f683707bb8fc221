package com.overdue.collections.lambda.config;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.function.Consumer;

/**
 * Sends a request through an AWS client's whole pipeline — endpoint rules, credentials, marshalling, signing — and
 * stops it just before the HTTP transmission, so nothing reaches AWS (no call, no IAM right needed, no side effect)
 * while the classes and caches of that path are loaded. The stop is a request-level plugin adding an interceptor that
 * throws in {@code beforeTransmission}.
 */
public final class DryRun {

    /** Thrown by the interceptor; never leaves {@link #send}. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("dry run: stopped before transmission", null, false, false);
        }
    }

    private static final ExecutionInterceptor STOP = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new Stopped();
        }
    };

    /** The request override that stops a request before it is sent. */
    public static final Consumer<AwsRequestOverrideConfiguration.Builder> STOP_BEFORE_SENDING =
            o -> o.addPlugin(config -> config.overrideConfiguration(
                    config.overrideConfiguration().toBuilder().addExecutionInterceptor(STOP).build()));

    private DryRun() {
    }

    /**
     * Runs {@code call} (a client call whose request carries {@link #STOP_BEFORE_SENDING}). True when it got as far
     * as the transmission and was stopped there; false when it failed before (logged by the caller), e.g. when no
     * credentials are configured.
     */
    public static boolean send(Runnable call) {
        try {
            call.run();
        } catch (Stopped e) {
            return true;
        } catch (SdkException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Stopped) {
                    return true;
                }
            }
            throw e;
        }
        throw new IllegalStateException("dry run: the request was sent (the stop interceptor did not run)");
    }
}
