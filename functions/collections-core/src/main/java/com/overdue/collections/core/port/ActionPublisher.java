package com.overdue.collections.core.port;

/**
 * Publishes actions to downstream systems, at least once per {@link CollectionsAction#actionId()}: the action was
 * recorded in the {@link ActionOutbox} before, and a crash between the publish and marking it published makes the
 * recovery publish it again, so receivers dedupe on the id (message attribute and body {@code actionId}).
 */
public interface ActionPublisher {

    /** What became of a publish. */
    enum Outcome { PUBLISHED, ALREADY_PUBLISHED }

    Outcome publish(CollectionsAction action);
}
