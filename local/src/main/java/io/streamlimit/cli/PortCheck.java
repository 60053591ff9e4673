package io.streamlimit.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a loopback port is free, asked before a server starts, so a busy one fails at once and not after the stack started. */
final class PortCheck {

    private PortCheck() {
    }

    /** Port 0 (a free one, picked later) always passes. */
    static void free(Preflight preflight, String flag, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw preflight.error(flag + ": port " + port + " is in use; stop what uses it or pick another " + flag);
        }
    }
}
