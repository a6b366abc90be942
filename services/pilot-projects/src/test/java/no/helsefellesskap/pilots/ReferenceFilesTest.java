package no.helsefellesskap.pilots;

import no.helsefellesskap.model.codes.CsvTable;
import no.helsefellesskap.pilots.service.ReferenceDataLoader;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference files describe the whole country consistently: the 357 municipalities in force on 2024-01-01 (SSB's
 * count for that date), each in one of the 19 partnerships, every number valid and every row sourced. Plain files,
 * no service: the checks are written here from the rules, not taken from the loader.
 */
class ReferenceFilesTest {

    static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    static List<Map<String, String>> rows(String resource) {
        return CsvTable.load(resource).rows();
    }

    static boolean inForce(Map<String, String> r, LocalDate day) {
        String from = r.get("valid_from");
        String to = r.get("valid_to");
        return (from == null || from.isBlank() || !LocalDate.parse(from).isAfter(day))
                && (to == null || to.isBlank() || LocalDate.parse(to).isAfter(day));
    }

    /** Enhetsregisteret's modulus 11 check (weights 3 2 7 6 5 4 3 2; remainder 1 means no valid number). */
    static boolean mod11(String orgnr) {
        if (orgnr == null || !orgnr.matches("[0-9]{9}")) {
            return false;
        }
        int[] w = {3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (orgnr.charAt(i) - '0') * w[i];
        }
        int check = 11 - sum % 11;
        check = check == 11 ? 0 : check;
        return check != 10 && check == orgnr.charAt(8) - '0';
    }

    @Test
    void threeHundredFiftySevenMunicipalitiesWereInForceOn2024_01_01EachWithValidNumbers() {
        List<Map<String, String>> m = rows(ReferenceDataLoader.MUNICIPALITIES);
        List<Map<String, String>> current = m.stream().filter(r -> inForce(r, DAY)).toList();
        assertEquals(357, current.size());
        assertEquals(357, current.stream().map(r -> r.get("kommunenummer")).distinct().count(), "numbers unique");
        assertEquals(357, current.stream().map(r -> r.get("code")).distinct().count(), "one version each");
        for (Map<String, String> r : m) {
            assertTrue(r.get("kommunenummer").matches("[0-9]{4}") && !r.get("kommunenummer").startsWith("00"), r.toString());
            assertTrue(r.get("kommunenummer").startsWith(r.get("county")), "the county is the first two digits: " + r);
            assertTrue(mod11(r.get("orgnr")), "orgnr " + r);
            assertTrue(r.get("source") != null && !r.get("source").isBlank(), "source " + r);
        }
        // one legal entity, one organisation number, one code
        Map<String, Set<String>> codesByOrgnr = new HashMap<>();
        m.forEach(r -> codesByOrgnr.computeIfAbsent(r.get("orgnr"), k -> new HashSet<>()).add(r.get("code")));
        codesByOrgnr.forEach((orgnr, codes) -> assertEquals(1, codes.size(), orgnr + " " + codes));
        // 2024: Lørenskog renumbered (one organisation, two versions); Ålesund split into Ålesund and Haram
        List<Map<String, String>> lorenskog = m.stream().filter(r -> r.get("code").equals("KOMMUNE-LORENSKOG")).toList();
        assertEquals(List.of("3029", "3222"), lorenskog.stream().map(r -> r.get("kommunenummer")).sorted().toList());
        assertTrue(lorenskog.stream().anyMatch(r -> r.get("kommunenummer").equals("3029")
                && "2024-01-01".equals(r.get("valid_to"))));
        Set<String> nowInMoreOgRomsdal = current.stream().filter(r -> r.get("county").equals("15"))
                .map(r -> r.get("kommunenummer")).collect(Collectors.toSet());
        assertTrue(nowInMoreOgRomsdal.containsAll(Set.of("1508", "1580")) && !nowInMoreOgRomsdal.contains("1507"));
        // versions of one municipality do not overlap
        Map<String, List<Map<String, String>>> byCode = m.stream().collect(Collectors.groupingBy(r -> r.get("code")));
        byCode.forEach((code, versions) -> {
            for (LocalDate d = LocalDate.of(2020, 1, 1); !d.isAfter(LocalDate.of(2026, 1, 1)); d = d.plusMonths(6)) {
                LocalDate day = d;
                assertTrue(versions.stream().filter(r -> inForce(r, day)).count() <= 1, code + " on " + day);
            }
        });
    }

    @Test
    void everyMunicipalityInForceIsInExactlyOnePartnershipThatDay() {
        Set<String> partnerships = rows(ReferenceDataLoader.PARTNERSHIPS).stream().map(r -> r.get("code"))
                .collect(Collectors.toSet());
        assertEquals(19, partnerships.size());
        List<Map<String, String>> members = rows(ReferenceDataLoader.MEMBERSHIPS);
        for (LocalDate day : List.of(DAY, LocalDate.of(2023, 6, 1), LocalDate.of(2026, 12, 6))) {
            Set<String> municipalities = rows(ReferenceDataLoader.MUNICIPALITIES).stream().filter(r -> inForce(r, day))
                    .map(r -> r.get("code")).collect(Collectors.toSet());
            Map<String, List<String>> partnershipsOf = new HashMap<>();
            members.stream().filter(r -> r.get("role").equals("MUNICIPALITY") && inForce(r, day))
                    .forEach(r -> partnershipsOf.computeIfAbsent(r.get("organisation"), k -> new ArrayList<>())
                            .add(r.get("partnership")));
            for (String code : municipalities) {
                assertEquals(1, partnershipsOf.getOrDefault(code, List.of()).size(), code + " on " + day);
                assertTrue(partnerships.contains(partnershipsOf.get(code).get(0)), code);
            }
        }
        assertTrue(members.stream().allMatch(r -> !r.get("source").isBlank()));
        // each partnership's count is its members today
        Map<String, Long> today = members.stream().filter(r -> inForce(r, LocalDate.of(2026, 12, 6)))
                .collect(Collectors.groupingBy(r -> r.get("partnership"), Collectors.counting()));
        for (Map<String, String> p : rows(ReferenceDataLoader.PARTNERSHIPS)) {
            assertEquals(Long.parseLong(p.get("municipality_count")), today.get(p.get("code")), p.get("code"));
        }
        assertEquals(357L, today.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void everyTrustAndRegionalAuthorityHasAValidNumberAndASource() {
        List<Map<String, String>> orgs = rows(ReferenceDataLoader.ORGANISATIONS);
        Set<String> codes = orgs.stream().map(r -> r.get("code")).collect(Collectors.toSet());
        assertEquals(4, orgs.stream().filter(r -> r.get("kind").equals("RHF")).count());
        // the 19 geographic trusts of the partnerships and Sunnaas, the pharmacy trusts aside
        assertTrue(orgs.stream().filter(r -> r.get("kind").equals("HF")).count() >= 20);
        for (Map<String, String> r : orgs) {
            assertTrue(r.get("source") != null && !r.get("source").isBlank(), r.toString());
            if (r.get("orgnr") != null && !r.get("orgnr").isBlank()) {
                assertTrue(mod11(r.get("orgnr")), r.toString());
            }
            if (r.get("kind").equals("RHF") || r.get("kind").equals("HF")) {
                assertTrue(mod11(r.get("orgnr")), "every RHF and HF has its number: " + r);
            }
            if (r.get("parent") != null && !r.get("parent").isBlank()) {
                assertTrue(codes.contains(r.get("parent")), r.toString());
            }
        }
        for (Map<String, String> p : rows(ReferenceDataLoader.PARTNERSHIPS)) {
            for (String trust : p.get("hospital_trusts").split("\\|")) {
                assertTrue(codes.contains(trust), p.get("code") + " " + trust);
            }
        }
        Set<String> numbers = new HashSet<>();
        orgs.stream().map(r -> r.get("orgnr")).filter(n -> n != null && !n.isBlank())
                .forEach(n -> assertTrue(numbers.add(n), "one organisation per number: " + n));
    }
}
