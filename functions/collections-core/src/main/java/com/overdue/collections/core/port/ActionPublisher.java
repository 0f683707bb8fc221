package com.overdue.collections.core.port;

/**
 * Publishes actions to downstream systems exactly once per {@link CollectionsAction#actionId()} as far as the engine
 * can tell: a second publish of the same id is a no-op. (A crash between the publish and its bookkeeping can still
 * deliver twice, so receivers dedupe on the id in the body.)
 */
public interface ActionPublisher {

    /** What became of a publish. */
    enum Outcome { PUBLISHED, ALREADY_PUBLISHED }

    Outcome publish(CollectionsAction action);
}
