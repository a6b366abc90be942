package no.helsefellesskap.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A demo caller (a role in an organisation, never a real person), read from {@code personas.csv}. */
public record Persona(String id, String orgnr, String organisation, List<String> roles) {

    public static List<Persona> all() {
        List<Persona> list = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Persona.class.getResourceAsStream("/personas.csv"), "personas.csv"),
                StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                list.add(new Persona(f[0], f[1].isBlank() ? null : f[1], f[2], Arrays.asList(f[3].split(" "))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    public static Persona byId(String id) {
        return all().stream().filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No persona " + id));
    }
}
