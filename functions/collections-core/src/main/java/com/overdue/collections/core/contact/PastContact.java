package com.overdue.collections.core.contact;

import java.time.Instant;

/**
 * A contact that was made (sent, or a call attempt placed), as the rules need it: when, on which channel, and for
 * a call whether it became a conversation with the borrower (a right-party contact).
 */
public record PastContact(Instant at, Channel channel, boolean conversation) {
}
