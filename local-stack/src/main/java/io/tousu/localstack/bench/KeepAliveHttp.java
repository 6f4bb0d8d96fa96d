package io.tousu.localstack.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The fixed-rate load's HTTP/1.1 client: a few keep-alive connections, each served by one thread
 * that writes a request and reads its answer (status, headers, a body by length or in chunks,
 * discarded). The JDK's HttpClient cost the benchmark's JVM about 1 ms of CPU per complaint, a
 * sixth of the whole suite's on a small machine, which then measured the client as much as the
 * services; this one writes and reads a few hundred bytes per request and nothing else. Requests
 * beyond the free connections wait in order in the client, and that wait counts in their latency.
 */
final class KeepAliveHttp implements AutoCloseable {

    private record Call(byte[] request, CompletableFuture<Integer> status) {
    }

    private static final Call STOP = new Call(new byte[0], new CompletableFuture<>());

    private final InetSocketAddress address;
    private final Duration timeout;
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final Thread[] workers;

    /** {@code connections} threads, each with its own connection (opened on its first request) to {@code target}. */
    KeepAliveHttp(URI target, int connections, Duration timeout) {
        this.address = new InetSocketAddress(target.getHost(), target.getPort());
        this.timeout = timeout;
        this.workers = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            workers[i] = new Thread(this::serve, "HttpClient-load-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** The bytes of a POST of a JSON body with the given extra header lines (each "Name: value"). */
    static byte[] post(URI target, String body, String... headers) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append("POST ").append(target.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + content.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(content, 0, request, start.length, content.length);
        return request;
    }

    /** Sends the request when a connection is free; completes with the answer's status. */
    CompletableFuture<Integer> send(byte[] request) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        calls.add(new Call(request, status));
        return status;
    }

    private void serve() {
        Socket socket = null;
        InputStream in = null;
        OutputStream out = null;
        while (true) {
            Call call;
            try {
                call = calls.take();
            } catch (InterruptedException e) {
                break;
            }
            if (call == STOP) {
                break;
            }
            if (call.status().isDone()) {
                continue;
            }
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(address, (int) timeout.toMillis());
                    socket.setSoTimeout((int) timeout.toMillis());
                    in = new BufferedInputStream(socket.getInputStream(), 8192);
                    out = socket.getOutputStream();
                }
                out.write(call.request());
                out.flush();
                Answer answer = readAnswer(in);
                if (!answer.keepAlive()) {
                    closeQuietly(socket);
                    socket = null;
                }
                call.status().complete(answer.status());
            } catch (IOException | RuntimeException e) {
                closeQuietly(socket);
                socket = null;
                call.status().completeExceptionally(e);
            }
        }
        closeQuietly(socket);
    }

    /** An answer's status and whether its connection can carry the next request. */
    record Answer(int status, boolean keepAlive) {
    }

    /** Reads one answer from the stream, its body included (and discarded). */
    static Answer readAnswer(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean keepAlive = !parts[0].equals("HTTP/1.0");
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> keepAlive = value.contains("keep-alive") || (keepAlive && !value.contains("close"));
                default -> {
                }
            }
        }
        if (chunked) {
            for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                skip(in, size);
                line(in);
            }
            for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                // trailers carry nothing the load needs
            }
        } else if (length >= 0) {
            skip(in, length);
        } else if (status >= 200 && status != 204 && status != 304) {
            // no length: the body runs to the end of the connection
            while (in.read() >= 0) {
                // discarded
            }
            keepAlive = false;
        }
        return new Answer(status, keepAlive);
    }

    private static long chunkSize(String line) {
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed in the middle of an answer");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static void skip(InputStream in, long count) throws IOException {
        for (long left = count; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the connection closed in the middle of a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    /** Stops the threads once the calls already queued are done. */
    @Override
    public void close() {
        for (int i = 0; i < workers.length; i++) {
            calls.add(STOP);
        }
    }
}
