package no.helsefellesskap.spread.dashboard.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.helsefellesskap.runtime.problem.ProblemException;
import no.helsefellesskap.runtime.security.Caller;
import no.helsefellesskap.spread.dashboard.DashboardService;
import no.helsefellesskap.spread.dashboard.MyOrganisation;
import no.helsefellesskap.spread.dashboard.PartnershipPage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The programme dashboard's figures and the records behind each; readable by any signed-in caller. */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    DashboardService dashboard;

    @Inject
    MyOrganisation mine;

    @Inject
    PartnershipPage partnershipPage;

    @Inject
    Caller caller;

    /**
     * The caller's organisation, its partnerships and its own pilots, overdue first; empty for a token that names
     * no organisation (a programme administrator).
     */
    @Operation(operationId = "getMyDashboard", summary = "The caller's organisation: its partnerships and its pilots")
    @GET
    @Path("mine")
    public MyOrganisation.View mine() {
        return mine.of(caller.orgnr(), caller.hasRole("subscriber"));
    }

    @Operation(operationId = "getDashboard", summary = "Every figure of the programme dashboard, each with a link to its records")
    @GET
    public Map<String, Object> figures(@QueryParam("partnership") String partnership, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("includeSandbox") boolean includeSandbox) {
        return dashboard.dashboard(filter(partnership, from, to, includeSandbox));
    }

    @Operation(operationId = "listDashboardPartnerships", summary = "The partnerships a dashboard filter may name")
    @GET
    @Path("partnerships")
    public List<Map<String, String>> partnerships() {
        return dashboard.partnerships();
    }

    /** Every municipality by kommunenummer with the partnership it belongs to, for the map of Norway. */
    @Operation(operationId = "getPartnershipMap", summary = "Which partnership each municipality (kommunenummer) belongs to today")
    @GET
    @Path("partnership-map")
    public List<PartnershipPage.MunicipalityIn> partnershipMap() {
        return partnershipPage.map();
    }

    /** One partnership: its region, hospital trusts and current members by name (the dashboard's page for it). */
    @Operation(operationId = "getPartnershipPage", summary = "One partnership's page: region, status and members")
    @GET
    @Path("partnerships/{code}")
    public PartnershipPage.View partnership(@PathParam("code") String code) {
        return partnershipPage.of(code);
    }

    /** Published evaluations and their outcomes, newest first, searched by {@code q} and paged. */
    @Operation(operationId = "listPublishedOutcomes", summary = "Published evaluations with their outcomes, searched and paged")
    @GET
    @Path("published-outcomes")
    public Map<String, Object> publishedOutcomes(@QueryParam("q") String q, @QueryParam("offset") @DefaultValue("0") int offset,
                                                 @QueryParam("limit") @DefaultValue("10") int limit,
                                                 @QueryParam("partnership") String partnership,
                                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                                 @QueryParam("includeSandbox") boolean includeSandbox) {
        if (offset < 0) {
            throw ProblemException.invalid("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > 100) {
            throw ProblemException.invalid("limit", "must be between 1 and 100");
        }
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "is longer than 200 characters");
        }
        if (q != null && q.indexOf('\0') >= 0) {
            throw ProblemException.invalid("q", "must not contain a NUL character");
        }
        return dashboard.publishedOutcomes(filter(partnership, from, to, includeSandbox), q, offset, limit);
    }

    @Operation(operationId = "listFigureRecords", summary = "The records a dashboard figure counts")
    @GET
    @Path("records")
    public DashboardService.Records records(@QueryParam("figure") String figure, @QueryParam("key") String key,
                                            @QueryParam("partnership") String partnership,
                                            @QueryParam("from") String from, @QueryParam("to") String to,
                                            @QueryParam("includeSandbox") boolean includeSandbox) {
        if (figure == null || figure.isBlank()) {
            throw ProblemException.invalid("figure", "is required; one of " + DashboardService.FIGURES);
        }
        return dashboard.records(figure, key == null || key.isBlank() ? null : key,
                filter(partnership, from, to, includeSandbox));
    }

    static DashboardService.Filter filter(String partnership, String from, String to, boolean includeSandbox) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f != null && t != null && t.isBefore(f)) {
            throw ProblemException.invalid("to", "is before 'from'");
        }
        return new DashboardService.Filter(partnership == null || partnership.isBlank() ? null : partnership.strip(), f, t,
                includeSandbox);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date (yyyy-mm-dd)");
        }
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw ProblemException.invalid(field, "must be a date in the years 1 to 9999");
        }
        return d;
    }
}
