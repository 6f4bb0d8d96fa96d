package io.tousu.localstack.demo;

import io.tousu.localstack.Ports;

/** {@code ./tousu demo}: demo traffic against a running {@code ./tousu up}; see {@link DemoOptions#USAGE}. */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tousu demo: " + e.getMessage());
            System.err.println();
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        DemoTraffic traffic = DemoTraffic.against(Ports.standard().shiftedBy(options.portOffset()), options,
                System.out);
        if (!traffic.start()) {
            System.exit(1);
        }
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            main.interrupt();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tousu-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            traffic.runToEnd();
        } catch (InterruptedException e) {
            // Ctrl-C: runToEnd stopped the traffic
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is waiting for us
        }
    }
}
