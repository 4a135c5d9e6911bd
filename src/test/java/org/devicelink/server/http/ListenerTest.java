package org.devicelink.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A server asked for any port holds the one it publishes from the moment it learns it: no other process can take it. */
class ListenerTest {

    @Test
    void anyFreePortIsHeldFromTheStart() throws Exception {
        try (var listener = Listener.bind("127.0.0.1", 0)) {
            assertThat(listener.port()).isPositive();
            assertThatThrownBy(() -> new ServerSocket(listener.port(), 1, InetAddress.getByName("127.0.0.1")).close())
                    .isInstanceOf(BindException.class);
        }
    }

    @Test
    void aPortInUseIsRefusedByName() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Listener.bind("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
