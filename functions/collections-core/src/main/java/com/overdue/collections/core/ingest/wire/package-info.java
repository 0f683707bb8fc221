/**
 * The wire shape of the public event contract: plain records bound by Jackson databind (no annotations) from an
 * event that already passed the published JSON Schema. Nothing outside {@code core.ingest} sees them; the parser maps
 * them to the typed payloads of {@link com.overdue.collections.core.ingest.EventPayload}.
 */
package com.overdue.collections.core.ingest.wire;
