package no.helsefellesskap.infra;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Signs RS256 bearer tokens for local use and tests (smallrye-jwt-build). Claims: {@code sub} (a persona or client id, never a
 * person's name or number), {@code orgnr} (the caller's organisation) and {@code groups} (roles).
 */
public final class Tokens {

    /** The issuer the services accept locally ({@code quarkus.oidc.token.issuer}). */
    public static final String LOCAL_ISSUER = "https://auth.oppgavedeling.local";

    /** The audience the services accept ({@code quarkus.oidc.token.audience}): a token for another API is refused. */
    public static final String LOCAL_AUDIENCE = "oppgavedeling-api";

    private Tokens() {
    }

    public static String sign(PrivateKey key, String subject, String orgnr, List<String> roles, Duration validFor) {
        Instant now = Instant.now();
        return sign(key, subject, orgnr, roles, now, now.plus(validFor));
    }

    public static String sign(PrivateKey key, String subject, String orgnr, List<String> roles, Instant issuedAt,
                              Instant expiresAt) {
        return sign(key, subject, orgnr, roles, issuedAt, expiresAt, LOCAL_AUDIENCE);
    }

    /** @param audience the {@code aud} claim, or null for a token without one */
    public static String sign(PrivateKey key, String subject, String orgnr, List<String> roles, Instant issuedAt,
                              Instant expiresAt, String audience) {
        JwtClaimsBuilder claims = Jwt.issuer(LOCAL_ISSUER).subject(subject).claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt).expiresAt(expiresAt).groups(new LinkedHashSet<>(roles));
        if (audience != null) {
            claims.audience(audience);
        }
        if (orgnr != null) {
            claims.claim("orgnr", orgnr);
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }
}
