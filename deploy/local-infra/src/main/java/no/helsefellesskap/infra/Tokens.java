package no.helsefellesskap.infra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs RS256 bearer tokens for local use and tests. Claims: {@code sub} (a persona or client id, never a
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
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":").append(quote(LOCAL_ISSUER))
                .append(",\"sub\":").append(quote(subject))
                .append(audience == null ? "" : ",\"aud\":" + quote(audience))
                .append(",\"jti\":").append(quote(UUID.randomUUID().toString()))
                .append(",\"iat\":").append(issuedAt.getEpochSecond())
                .append(",\"exp\":").append(expiresAt.getEpochSecond());
        if (orgnr != null) {
            claims.append(",\"orgnr\":").append(quote(orgnr));
        }
        claims.append(",\"groups\":[")
                .append(roles.stream().map(Tokens::quote).collect(Collectors.joining(",")))
                .append("]}");
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
