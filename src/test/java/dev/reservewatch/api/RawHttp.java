package dev.reservewatch.api;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a raw socket, for what a client library would not send: a declared length the body never
 * reaches, a body written after the answer. Reads one answer (Content-Length or chunked) at a time, leaving
 * the connection open.
 */
final class RawHttp {

    record Answer(String head, String body) {
    }

    private RawHttp() {
    }

    /** A connection to the service that gives up reading after 10 s. */
    static Socket open(URI root) throws IOException {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** The head of a POST declaring {@code length} bytes of {@code contentType}, with any further header lines. */
    static byte[] postHead(String path, String contentType, long length, String... headers) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("Content-Length: ").append(length).append("\r\n\r\n").toString()
                .getBytes(StandardCharsets.US_ASCII);
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("the connection closed within the head: " + head);
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : next == '\r' ? 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        boolean chunked = false;
        for (String line : text.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            return new Answer(text, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
            body.write(in.readNBytes(size));
            line(in); // the CRLF after each chunk
        }
        line(in); // the CRLF after the last, empty chunk
        return new Answer(text, body.toString(StandardCharsets.UTF_8));
    }

    /** One line without its CRLF (a chunk size may carry extensions after ';'). */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new EOFException("the connection closed within a chunked body");
            }
            if (next != '\r') {
                line.append((char) next);
            }
        }
        int extensions = line.indexOf(";");
        return (extensions < 0 ? line : line.substring(0, extensions)).toString().trim();
    }
}
