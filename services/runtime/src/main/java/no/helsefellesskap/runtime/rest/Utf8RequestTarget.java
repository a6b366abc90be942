package no.helsefellesskap.runtime.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request line with raw UTF-8 bytes ({@code ?q=blodprøver} as curl and browsers' address bars send it) reaches the
 * application as one character per byte, so "ø" became "Ã¸" and a search found nothing. Such a target is read again
 * as UTF-8 and percent-encoded, as if the client had encoded it; bytes that are not UTF-8 are left as they came.
 */
@Provider
@PreMatching
public class Utf8RequestTarget implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext ctx) {
        URI uri = ctx.getUriInfo().getRequestUri();
        String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (raw.chars().allMatch(c -> c < 0x80)) {
            return;
        }
        String fixed = reencoded(raw);
        if (fixed != null) {
            ctx.setRequestUri(ctx.getUriInfo().getBaseUri(), URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
                    + fixed));
        }
    }

    /** The target with each byte-per-character run read as UTF-8 and percent-encoded, or null if it is not UTF-8. */
    static String reencoded(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) > 0xFF) {
                return null; // already real characters, not bytes
            }
        }
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return null;
        }
        StringBuilder b = new StringBuilder(bytes.length * 3);
        for (byte x : bytes) {
            int u = x & 0xFF;
            if (u < 0x80) {
                b.append((char) u);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(u >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(u & 0xF, 16)));
            }
        }
        return b.toString();
    }
}
