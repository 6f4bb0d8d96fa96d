package io.tousu.localstack.bench;

import io.tousu.localstack.ProgressListener;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackException;
import io.tousu.localstack.StackOptions;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * What every drill does around its own checks: start a throw-away stack (the four services on free
 * ports, their own databases, dropped afterwards), run the drill on it, stop it, keep the logs, and
 * turn an interrupt or an unexpected failure into a failed drill with the place of the logs.
 */
final class DrillRun {

    /** The drill itself, on a running stack; true when it passed. */
    @FunctionalInterface
    interface Body {
        boolean run(Stack stack) throws Exception;
    }

    private DrillRun() {
    }

    /**
     * The drills' stack: isolated, printing its steps, 240 s for a service to be ready (the machine
     * is busy during a drill); {@code customize} may add to it, e.g. system properties.
     */
    static StackOptions stackOptions(UnaryOperator<StackOptions.Builder> customize) {
        return customize.apply(StackOptions.builder(BenchLaunch.home()).isolated()
                .readyTimeout(Duration.ofSeconds(240)).progress(ProgressListener.printingTo(System.out))).build();
    }

    /**
     * Starts the stack, runs {@code body} on it and stops the stack.
     *
     * @param command as the user typed it, for messages, e.g. {@code tousu drill replay}
     * @return what the body returned; false if the stack did not start, the body threw, or it was interrupted
     */
    static boolean run(String command, StackOptions options, ProgressLog log, Body body) {
        Stack stack;
        try {
            stack = Stack.start(options);
        } catch (StackException e) {
            log.out().println(command + ": the stack did not start (" + e.component() + "): " + e.getMessage());
            return false;
        }
        try (stack) {
            return body.run(stack);
        } catch (InterruptedException e) {
            log.say("drill", "interrupted");
            return false;
        } catch (Exception e) {
            log.say("drill", "failed: " + e + " (logs in " + stack.logsDir() + ")");
            log.out().println("FAIL: " + e.getMessage());
            return false;
        } finally {
            log.say("drill", "logs kept in " + stack.logsDir());
        }
    }
}
