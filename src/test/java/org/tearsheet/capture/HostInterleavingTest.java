package org.tearsheet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HostInterleavingTest {

    @Test
    void roundRobinAcrossHostsKeepingEachHostsOrder() {
        List<String> urls = List.of("http://a.test/1", "http://a.test/2", "http://a.test/3", "http://b.test/1",
                "not a url", "http://c.test/1", "http://b.test/2");

        assertThat(HostInterleaving.order(urls, Function.identity())).containsExactly(
                "http://a.test/1", "http://b.test/1", "not a url", "http://c.test/1",
                "http://a.test/2", "http://b.test/2", "http://a.test/3");
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(HostInterleaving.order(List.<String>of(), Function.identity())).isEmpty();
    }
}
