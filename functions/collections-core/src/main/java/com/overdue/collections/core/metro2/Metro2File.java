package com.overdue.collections.core.metro2;

import java.util.Objects;

/** A rendered Metro 2 file: its US-ASCII bytes and what writing it did. */
public record Metro2File(byte[] content, Metro2WriteResult result) {

    public Metro2File {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(result, "result");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
