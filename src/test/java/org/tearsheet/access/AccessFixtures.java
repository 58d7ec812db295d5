package org.tearsheet.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tearsheet.config.AccessSettings;
import org.tearsheet.config.SecretValue;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.testing.ArchiveFiles;

/** Secrets, cookies files and configs shared by the access tests. */
final class AccessFixtures {

    static final String COOKIE_SECRET = "ck_9f8e7d6c5b4a3210SECRETcookie";
    static final String TOKEN_SECRET = "tok_0a1b2c3d4e5f6789SECRETtoken";
    static final String TOKEN_HEADER = "X-Subscriber-Token";
    static final long FUTURE = Instant.now().getEpochSecond() + 86_400 * 365;

    private AccessFixtures() {
    }

    /** A cookies.txt for {@code host}: the session cookie, a cookie for another path, a secure-only cookie. */
    static Path cookiesFile(Path dir, String host) throws IOException {
        return Files.writeString(dir.resolve("cookies-" + host + ".txt"), "# Netscape HTTP Cookie File\n"
                + "#HttpOnly_" + host + "\tFALSE\t/\tFALSE\t" + FUTURE + "\tsid\t" + COOKIE_SECRET + "\n"
                + host + "\tFALSE\t/members\tFALSE\t" + FUTURE + "\tmembers_only\tm-value-1\n"
                + host + "\tFALSE\t/\tTRUE\t" + FUTURE + "\thttps_only\ts-value-2\n"
                + host + "\tFALSE\t/\tFALSE\t1000\texpired\told-value-3\n");
    }

    /** A token file referenced as {@code file:} from the config. */
    static Path tokenFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("token.txt"), TOKEN_SECRET + "\n");
    }

    static AccessSettings access(String site, String host, Path cookies, Path token) {
        return new AccessSettings(site, List.of(host), cookies,
                Map.of(TOKEN_HEADER, new SecretValue("file:" + token, TOKEN_SECRET)));
    }

    static TearsheetConfig config(Path archive, AccessSettings... access) {
        TearsheetConfig c = ArchiveFiles.fastConfig(archive);
        return new TearsheetConfig(c.archive(), c.fetch(), c.extraction(), List.of(access), c.paywall(), c.jobs());
    }
}
