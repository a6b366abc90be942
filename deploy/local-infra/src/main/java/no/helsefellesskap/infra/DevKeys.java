package no.helsefellesskap.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The local signing key pair. In local mode and tests the services verify bearer tokens with the public key
 * ({@code quarkus.oidc.public-key}); in production an OIDC provider (HelseID, Keycloak) signs them instead.
 */
public record DevKeys(PrivateKey privateKey, PublicKey publicKey) {

    public static DevKeys generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            return new DevKeys(kp.getPrivate(), kp.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the pair from {@code dir}, creating it on first use so that issued tokens survive a restart. */
    public static DevKeys loadOrCreate(Path dir) {
        Path priv = dir.resolve("private-key.pem");
        Path pub = dir.resolve("public-key.pem");
        try {
            if (Files.exists(priv) && Files.exists(pub)) {
                return fromPem(Files.readString(priv), Files.readString(pub));
            }
            DevKeys keys = generate();
            Files.createDirectories(dir);
            Files.writeString(priv, pem("PRIVATE KEY", keys.privateKey.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(pub, pem("PUBLIC KEY", keys.publicKey.getEncoded()), StandardCharsets.US_ASCII);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DevKeys fromPem(String privatePem, String publicPem) {
        try {
            KeyFactory f = KeyFactory.getInstance("RSA");
            return new DevKeys(f.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem))),
                    f.generatePublic(new X509EncodedKeySpec(der(publicPem))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable key", e);
        }
    }

    /** Base64 DER of the public key, the form {@code quarkus.oidc.public-key} takes. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    public static DevKeys fromBase64(String privateB64, String publicB64) {
        return fromPem(privateB64, publicB64);
    }

    private static byte[] der(String pem) {
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
