package dev.reservewatch.watch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A webhook for tests: keeps every body it accepts; while {@link #down} it answers 503 (or a status given) to everything. */
public final class WebhookReceiver implements AutoCloseable {

    /** A body received, with its Idempotency-Key and when (System.nanoTime). */
    public record Received(String body, String idempotencyKey, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;
    private volatile int refusal = 503;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Refuses everything with {@code status} (a 4xx the sender must not retry) until {@code down(false)}. */
    public void refuse(int status) {
        this.refusal = status;
        this.down = true;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int refused() {
        return refused.get();
    }

    /** Waits until {@code count} bodies have come, at most {@code wait}. */
    public List<Received> await(int count, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (received.size() < count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (down) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(refusal, -1);
            } else {
                received.add(new Received(body, exchange.getRequestHeaders().getFirst("Idempotency-Key"), System.nanoTime()));
                exchange.sendResponseHeaders(204, -1);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
