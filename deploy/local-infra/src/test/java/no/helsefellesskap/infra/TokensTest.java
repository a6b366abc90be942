package no.helsefellesskap.infra;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens are signed outside Quarkus too (the launcher writes the demo tokens): checked with the JDK alone. */
class TokensTest {

    @Test
    void aTokenIsAnRs256JwtWithTheClaimsTheServicesCheck() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String token = Tokens.sign(keys.getPrivate(), "municipality-bodo", "972418013", List.of("registrar", "subscriber"),
                now, now.plusSeconds(600));
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "signature");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"RS256\""), header);
        for (String expected : List.of("\"iss\":\"" + Tokens.LOCAL_ISSUER + "\"", "\"sub\":\"municipality-bodo\"",
                "\"aud\":\"" + Tokens.LOCAL_AUDIENCE + "\"", "\"orgnr\":\"972418013\"", "\"iat\":1800000000",
                "\"exp\":1800000600", "registrar", "subscriber", "\"jti\"")) {
            assertTrue(claims.contains(expected), expected + " in " + claims);
        }
        String none = Tokens.sign(keys.getPrivate(), "x", null, List.of(), now, now.plusSeconds(60), null);
        String noneClaims = new String(Base64.getUrlDecoder().decode(none.split("\\.")[1]), StandardCharsets.UTF_8);
        assertFalse(noneClaims.contains("\"aud\"") || noneClaims.contains("orgnr"), noneClaims);
    }
}
