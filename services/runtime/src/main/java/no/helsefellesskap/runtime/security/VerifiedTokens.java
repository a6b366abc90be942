package no.helsefellesskap.runtime.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified, kept until they expire: a client sends the same token with every request for its
 * lifetime, and verifying its signature again was a quarter of pilot-projects' CPU per registration. A token is
 * looked up by its exact text, so any other token (another signature, other claims) is verified in full; one past its
 * expiry is never served from here. {@link Lookup} answers first and, for a token not held, lets OIDC verify it;
 * {@link Keep} holds what OIDC accepted.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Held at most; when full, the held tokens are dropped (each is verified again once). */
    static final int MAX = 10_000;

    record Verified(Principal principal, Set<String> roles, AccessTokenCredential credential, long expiresAtSecond) {
    }

    private final Map<String, Verified> held = new ConcurrentHashMap<>();

    Clock clock = Clock.systemUTC();

    /** The identity of an unexpired token verified before, or null. */
    SecurityIdentity find(String token) {
        Verified v = held.get(token);
        if (v == null) {
            return null;
        }
        if (clock.millis() / 1000 >= v.expiresAtSecond()) {
            held.remove(token);
            return null;
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(v.principal()).addRoles(v.roles())
                .addCredential(v.credential()).build();
    }

    /** Holds an identity OIDC built from a verified access token that carries an expiry. */
    void keep(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        if (held.size() >= MAX) {
            held.clear();
        }
        held.put(credential.getToken(), new Verified(jwt, Set.copyOf(identity.getRoles()), credential,
                jwt.getExpirationTime()));
    }

    /** Whether this exact token is held (for tests). */
    public boolean holds(String token) {
        return held.containsKey(token);
    }

    /** Asked before OIDC's provider; an empty answer passes the request on to it. */
    @ApplicationScoped
    public static class Lookup implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        Lookup(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.find(request.getToken().getToken()));
        }

        /** Above OIDC's provider (the default, 1001): providers are asked highest first. */
        @Override
        public int priority() {
            return 1002;
        }
    }

    /** Keeps each identity built from a verified access token. */
    @ApplicationScoped
    public static class Keep implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Keep(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (!identity.isAnonymous()) {
                tokens.keep(identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
