package com.overdue.collections.core.port;

import com.overdue.collections.core.reminder.ReminderContent;
import com.overdue.collections.core.reminder.RenderedMessage;

/** Renders a reminder from the templates of its channel and locale (a template engine lives behind this port). */
public interface ReminderRenderer {
    RenderedMessage render(ReminderContent content);
}
