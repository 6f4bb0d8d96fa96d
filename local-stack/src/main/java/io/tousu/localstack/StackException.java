package io.tousu.localstack;

/** The local stack could not start or stop a component; the message says which and where its log is. */
public final class StackException extends RuntimeException {

    private final String component;

    /** A failure of {@code component} ({@code kafka}, {@code postgresql}, {@code intake}, ...). */
    public StackException(String component, String message) {
        super(message);
        this.component = component;
    }

    /** A failure of {@code component} caused by {@code cause}. */
    public StackException(String component, String message, Throwable cause) {
        super(message, cause);
        this.component = component;
    }

    /** The component that failed. */
    public String component() {
        return component;
    }
}
