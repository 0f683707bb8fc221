package com.overdue.collections.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --name value} options of a benchmark's command line. {@code -h}/{@code --help} prints the usage and
 * exits; an option the benchmark never asked for is an error naming it.
 */
final class Args {

    private final Map<String, String> values;
    private final String usage;
    private final Set<String> asked = new HashSet<>();

    private Args(Map<String, String> values, String usage) {
        this.values = values;
        this.usage = usage;
    }

    static Args parse(String[] args, String usage) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (k.equals("-h") || k.equals("--help")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (!k.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad argument " + k + "\n" + usage);
            }
            values.put(k.substring(2), args[++i]);
        }
        return new Args(values, usage);
    }

    String text(String name, String defaultValue) {
        asked.add(name);
        return values.getOrDefault(name, defaultValue);
    }

    int integer(String name, String defaultValue) {
        return Integer.parseInt(text(name, defaultValue));
    }

    /** Fails when an option was given that no {@link #text}/{@link #integer} call asked for. */
    void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(asked);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + unknown + "\n" + usage);
        }
    }
}
