package no.helsefellesskap.spread.delivery.webhook;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signatures checked by the Standard Webhooks reference library, an implementation independent of ours. */
class WebhookSignerTest {

    static HttpHeaders headers(String id, long ts, String signature) {
        return HttpHeaders.of(Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(ts)),
                "webhook-signature", List.of(signature)), (a, b) -> true);
    }

    @Test
    void eachValidSecretSignsAndTheReferenceLibraryAcceptsEither() throws Exception {
        String old = WebhookSigner.newSecret();
        String rotated = WebhookSigner.newSecret();
        assertTrue(old.startsWith("whsec_"));
        long now = System.currentTimeMillis() / 1000;
        String body = "{\"type\":\"no.helsefellesskap.pilot-projects.pilot.registered.v1\",\"æøå\":\"blodprøver\"}";
        String header = WebhookSigner.signatureHeader(List.of(old, rotated), "msg_1", now, body);
        assertEquals(2, header.split(" ").length);
        for (String secret : List.of(old, rotated)) {
            assertDoesNotThrow(() -> new Webhook(secret).verify(body, headers("msg_1", now, header)));
        }
        // a changed body, id or a secret that was not used does not verify
        assertThrows(Exception.class, () -> new Webhook(old).verify(body + " ", headers("msg_1", now, header)));
        assertThrows(Exception.class, () -> new Webhook(old).verify(body, headers("msg_2", now, header)));
        assertThrows(Exception.class, () -> new Webhook(WebhookSigner.newSecret()).verify(body,
                headers("msg_1", now, header)));
    }
}
