package org.standalonecredit.transport.apache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback socket server whose per-connection behaviour a test scripts, to see exactly what the transport does. */
final class RawServer implements AutoCloseable {
    interface Behaviour {
        void handle(Socket socket, byte[] requestBytes) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    final AtomicInteger connections = new AtomicInteger();
    final CopyOnWriteArrayList<byte[]> requests = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Socket> open = new CopyOnWriteArrayList<>();

    RawServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    connections.incrementAndGet();
                    pool.submit(() -> {
                        try {
                            byte[] request = readRequest(s.getInputStream());
                            requests.add(request);
                            behaviour.handle(s, request);
                        } catch (IOException ignored) {
                            // the client went away; nothing to do
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Reads the head and a Content-Length body. */
    static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof");
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return in.readNBytes(length);
    }

    static void respond(Socket s, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().write(b);
        s.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        pool.shutdownNow();
    }
}
