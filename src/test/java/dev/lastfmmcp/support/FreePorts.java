package dev.lastfmmcp.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

import dev.lastfmmcp.config.ClusterTransport;

/** Free ports on 127.0.0.1 for tests that must name a port before the server binds it (JGroups, other processes). */
public final class FreePorts {

    private FreePorts() {
    }

    /** One free port on 127.0.0.1 (the system's choice; free when this returns). */
    public static int one() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Ports p (JGroups TCP) where p and p + 50000 (the failure detector) are both free on 127.0.0.1. */
    public static int[] cluster(int count) throws IOException {
        int[] ports = new int[count];
        int found = 0;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 2000 && found < count; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(10_000, 65_535 - ClusterTransport.FD_OFFSET);
            boolean taken = false;
            for (int i = 0; i < found; i++) {
                taken |= ports[i] == port;
            }
            if (taken) {
                continue;
            }
            try (ServerSocket tcp = new ServerSocket(port, 1, loopback);
                 ServerSocket fd = new ServerSocket(port + ClusterTransport.FD_OFFSET, 1, loopback)) {
                ports[found++] = port;
            } catch (IOException inUse) {
                // try another
            }
        }
        if (found < count) {
            throw new IOException("no free port pairs on 127.0.0.1");
        }
        return ports;
    }
}
