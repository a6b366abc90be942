package no.helsefellesskap.infra.test;

import no.helsefellesskap.infra.DevKeys;
import no.helsefellesskap.infra.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bearer tokens for tests, signed with the key the services under test trust. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String orgnr, String... roles) {
        return Tokens.sign(SuiteTestInfrastructure.keys().privateKey(), "test-client", orgnr, List.of(roles),
                Duration.ofMinutes(30));
    }

    public static String bearer(String orgnr, String... roles) {
        return "Bearer " + token(orgnr, roles);
    }

    public static String expired(String orgnr, String... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Tokens.sign(SuiteTestInfrastructure.keys().privateKey(), "test-client", orgnr, List.of(roles),
                past, past.plus(Duration.ofMinutes(30)));
    }

    /** A valid token that expires at {@code expiresAt} (issued a minute ago). */
    public static String expiringAt(Instant expiresAt, String orgnr, String... roles) {
        return Tokens.sign(SuiteTestInfrastructure.keys().privateKey(), "test-client", orgnr, List.of(roles),
                Instant.now().minus(Duration.ofMinutes(1)), expiresAt);
    }

    /** Signed by the trusted key for the trusted issuer, but for another API (or none): refused. */
    public static String forAudience(String audience, String orgnr, String... roles) {
        Instant now = Instant.now();
        return Tokens.sign(SuiteTestInfrastructure.keys().privateKey(), "test-client", orgnr, List.of(roles), now,
                now.plus(Duration.ofMinutes(30)), audience);
    }

    /** Well formed and unexpired, but signed by a key the services do not know. */
    public static String forged(String orgnr, String... roles) {
        return Tokens.sign(DevKeys.generate().privateKey(), "test-client", orgnr, List.of(roles), Duration.ofMinutes(30));
    }
}
