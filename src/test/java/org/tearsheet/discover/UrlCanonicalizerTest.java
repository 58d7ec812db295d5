package org.tearsheet.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @Test
    void normalisesCaseDefaultPortsFragmentsAndQueryOrder() {
        assertThat(UrlCanonicalizer.canonical("HTTP://WWW.Example.COM:80/News/A.html?b=2&a=1#top"))
                .isEqualTo("http://www.example.com/News/A.html?a=1&b=2");
        assertThat(UrlCanonicalizer.canonical("https://example.com:443")).isEqualTo("https://example.com/");
        assertThat(UrlCanonicalizer.canonical("https://example.com:8443/x")).isEqualTo("https://example.com:8443/x");
    }

    @Test
    void dropsTrackingParametersOnly() {
        assertThat(UrlCanonicalizer.canonical(
                "https://example.com/a?utm_source=tw&UTM_Medium=x&fbclid=1&gclid=2&id=7&mc_cid=3&page=2"))
                .isEqualTo("https://example.com/a?id=7&page=2");
        assertThat(UrlCanonicalizer.canonical("https://example.com/a?utm_campaign=x"))
                .isEqualTo("https://example.com/a");
    }

    @Test
    void equalKeysForTheSameArticle() {
        assertThat(UrlCanonicalizer.canonical("https://example.com/a?x=%41&y=b+c"))
                .isEqualTo(UrlCanonicalizer.canonical("https://EXAMPLE.com/a?utm_source=rss&y=b%20c&x=A#c"));
    }

    @Test
    void rejectsNonHttp() {
        assertThatThrownBy(() -> UrlCanonicalizer.canonical("ftp://example.com/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(UrlCanonicalizer.isHttpUrl("mailto:a@b")).isFalse();
    }
}
