package com.overdue.collections.core.port;

import com.overdue.collections.core.contact.ContactRecord;

/** Told of every contact decision once it is stored (metrics and logs in AWS; contacts.jsonl locally). */
public interface ContactJournal {
    void recorded(ContactRecord record);

    ContactJournal NONE = record -> {
    };
}
