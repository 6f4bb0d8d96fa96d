package io.tousu.localstack;

/** Thread helpers of the launchers' Ctrl-C handling. */
public final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} has ended, however often the waiting thread is interrupted (a
     * shutdown hook must not return before the main thread has stopped the stack); the interrupt is
     * kept for the caller.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
