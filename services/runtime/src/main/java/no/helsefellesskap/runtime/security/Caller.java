package no.helsefellesskap.runtime.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.helsefellesskap.runtime.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The one place where services learn who calls: the organisation number ({@code orgnr} claim, as HelseID's
 * {@code orgnr_parent}) and the roles ({@code groups}). Writes are scoped to the caller's organisation.
 */
@RequestScoped
public class Caller {

    public static final String ORGNR_CLAIM = "orgnr";

    @Inject
    SecurityIdentity identity;

    public Optional<String> orgnr() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(ORGNR_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", ""));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The caller's organisation, or 403 when the token names none. */
    public String requireOrgnr() {
        return orgnr().orElseThrow(() -> ProblemException.forbidden("The token carries no organisation (orgnr claim)"));
    }

    public void requireRole(String role) {
        if (!hasRole(role)) {
            throw ProblemException.forbidden("This operation needs the role '" + role + "'");
        }
    }

    /** 403 unless the caller acts for {@code orgnr} with {@code role}. */
    public void requireActingFor(String orgnr, String role) {
        requireRole(role);
        if (!requireOrgnr().equals(orgnr)) {
            throw ProblemException.forbidden("Only organisation " + orgnr + " may change this record");
        }
    }
}
