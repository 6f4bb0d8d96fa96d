package io.tousu.localstack.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The command line the drills share: {@code --complaints N --clients N}, or {@code --help}.
 *
 * @param help print the usage and do nothing else
 * @param complaints complaints to submit
 * @param clients concurrent clients submitting them
 */
record DrillOptions(boolean help, int complaints, int clients) {

    DrillOptions {
        OptionValues.requireRange("--complaints", complaints, 10, 1_000_000);
        OptionValues.requireRange("--clients", clients, 1, 256);
    }

    /**
     * Parses the arguments, starting from the drill's own defaults.
     *
     * @throws IllegalArgumentException with a message for the user when an argument is wrong
     */
    static DrillOptions parse(String[] args, int defaultComplaints, int defaultClients) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        boolean help = false;
        int complaints = defaultComplaints;
        int clients = defaultClients;
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--complaints" -> complaints = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--clients" -> clients = OptionValues.number(option, OptionValues.value(arg, rest));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new DrillOptions(help, complaints, clients);
    }
}
