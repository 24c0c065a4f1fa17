package org.livecomply.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Accepts TCP connections and never answers: a dependency that hangs, so that only the deadline ends a call. */
final class SilentServer {

    private static SilentServer running;
    private final ServerSocket socket;
    private final List<Socket> held = new ArrayList<>();

    private SilentServer() throws IOException {
        socket = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            try {
                while (!socket.isClosed()) {
                    Socket connection = socket.accept();
                    synchronized (held) {
                        held.add(connection);
                    }
                }
            } catch (IOException closed) {
                // the JVM is ending
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** One per test JVM. */
    static synchronized String address() {
        try {
            if (running == null) {
                running = new SilentServer();
            }
            return "127.0.0.1:" + running.socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
