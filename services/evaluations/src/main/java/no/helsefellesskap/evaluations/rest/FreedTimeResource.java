package no.helsefellesskap.evaluations.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import no.helsefellesskap.evaluations.freedtime.FreedTimeCalculator;
import no.helsefellesskap.evaluations.freedtime.Parameters;
import no.helsefellesskap.runtime.problem.ProblemException;

import java.util.List;
import java.util.Map;

/** The freed-time calculator (årsverk), with the versioned constants it uses. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/freed-time")
public class FreedTimeResource {

    public record LineBody(@NotBlank String id, String label, @NotBlank String group, @NotNull FreedTimeCalculator.Role role,
                           String category, @NotNull FreedTimeCalculator.Family family,
                           Map<String, FreedTimeCalculator.Inputs> scenarios, String derivedFrom, Double factor,
                           FreedTimeCalculator.Scope scope, FreedTimeCalculator.Basis basis) {

        FreedTimeCalculator.Line line() {
            return new FreedTimeCalculator.Line(id, label, group, role, category, family, scenarios, derivedFrom, factor,
                    scope, basis);
        }
    }

    public record CalculationBody(@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull LineBody> lines) {
    }

    @Inject
    FreedTimeCalculator calculator;

    @Inject
    Parameters parameters;
    @Operation(operationId = "getFreedTimeParameters", summary = "The parameters the freed-time calculator uses, with their sources")
    @GET
    @Path("parameters")
    public Parameters parameters() {
        return parameters;
    }

    @Operation(operationId = "calculateFreedTime", summary = "Calculate freed time (årsverk) for task lines")
    @POST
    @Path("calculations")
    public FreedTimeCalculator.Calculation calculate(@NotNull @Valid CalculationBody body) {
        try {
            return calculator.calculate(body.lines().stream().map(LineBody::line).toList());
        } catch (FreedTimeCalculator.InvalidInput e) {
            throw ProblemException.invalid(e.field(), e.getMessage());
        }
    }
}
