package io.orderhub.systemtests;

import java.io.IOException;
import java.net.ServerSocket;

/** Platform ports come in a block (origin + 0..10): find a free origin port whose block is free too. */
final class SystemPorts {

    private SystemPorts() {}

    static int freeBlock() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + (int) (Math.random() * 30_000);
            if (free(base, 11)) {
                return base;
            }
        }
        throw new IllegalStateException("No free block of 11 ports found");
    }

    private static boolean free(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
