package com.overdue.collections.emulators.crash;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * An {@link ExecutionInterceptor} with a no-argument constructor, for clients built from configuration (Quarkus:
 * {@code quarkus.dynamodb.interceptors=com.overdue.collections.emulators.crash.SharedCrashInjector}): it passes every
 * call to the injector a test installed with {@link #use(CrashInjector)}, and to none ({@link CrashInjector#off()})
 * until then or after {@link #reset()}.
 */
public final class SharedCrashInjector implements ExecutionInterceptor {

    private static volatile CrashInjector current = CrashInjector.off();

    /** Installs {@code injector} for every client built with this interceptor; returns it. */
    public static CrashInjector use(CrashInjector injector) {
        current = injector;
        return injector;
    }

    /** Back to never crashing. */
    public static void reset() {
        current = CrashInjector.off();
    }

    public static CrashInjector current() {
        return current;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        current.beforeExecution(context, attributes);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        current.afterExecution(context, attributes);
    }
}
