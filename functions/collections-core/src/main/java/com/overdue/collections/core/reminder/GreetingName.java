package com.overdue.collections.core.reminder;

import java.util.Locale;

/** The name a reminder e-mail greets the borrower by, in the order of the message's locale, or none. */
public final class GreetingName {

    private GreetingName() {
    }

    /**
     * zh: family name then given name with no space ("王娜") when both are written in Chinese characters; otherwise
     * none, and the template greets neutrally ("尊敬的客户"), because a Latin-letter name (pinyin or a foreign name)
     * reversed or not reads wrongly in a Chinese letter, and a bare given name ("尊敬的Na") is too familiar. Other
     * locales: the first name, as before ("Dear Emily").
     *
     * @return the name to greet by, or null for the neutral form
     */
    public static String of(String locale, String firstName, String lastName) {
        String first = firstName == null ? "" : firstName.strip();
        String last = lastName == null ? "" : lastName.strip();
        if (locale != null && locale.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return han(first) && han(last) ? last + first : null;
        }
        return first.isEmpty() ? null : first;
    }

    /** Non-empty and written only in Chinese characters (a middle dot, as in transliterated names, is allowed). */
    private static boolean han(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(cp -> cp == '·'
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
