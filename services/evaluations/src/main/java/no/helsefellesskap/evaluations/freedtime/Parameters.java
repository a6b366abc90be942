package no.helsefellesskap.evaluations.freedtime;

import no.helsefellesskap.model.codes.CsvTable;

import java.util.LinkedHashMap;
import java.util.Map;

/** The versioned constants of the freed-time formulas, each with its source; never literals in code. */
public record Parameters(String version, Map<String, Parameter> values) {

    public record Parameter(String code, double value, String unit, String status, String source) {
    }

    public static final String RESOURCE = "/reference/freed-time-parameters.v1.csv";

    public static Parameters load(String resource) {
        CsvTable t = CsvTable.load(resource);
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (Map<String, String> r : t.rows()) {
            m.put(r.get("code"), new Parameter(r.get("code"), Double.parseDouble(r.get("value")), r.get("unit"),
                    r.get("status"), r.get("source")));
        }
        for (String required : new String[] {"HOURS_PER_ARSVERK", "WORKING_DAYS_PER_YEAR", "HOURS_PER_DAY"}) {
            if (!m.containsKey(required)) {
                throw new IllegalStateException(resource + " lacks " + required);
            }
        }
        return new Parameters(t.version(), m);
    }

    public double hoursPerArsverk() {
        return values.get("HOURS_PER_ARSVERK").value();
    }

    public double workingDays() {
        return values.get("WORKING_DAYS_PER_YEAR").value();
    }

    public double hoursPerDay() {
        return values.get("HOURS_PER_DAY").value();
    }
}
