package no.helsefellesskap.pilots.mapping;

import no.helsefellesskap.model.events.PilotRegistered;
import no.helsefellesskap.pilots.domain.Pilot;
import no.helsefellesskap.pilots.domain.PilotPartner;
import no.helsefellesskap.pilots.domain.PilotPlan;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The generated mapper against an oracle that knows nothing of it: a plan with a distinct value in every component
 * must reach the entity field of the same name, and every field of the entity must reach the event and the view
 * components of the same name (no service, no database).
 */
class PilotMapperTest {

    final PilotMapper mapper = new PilotMapperImpl();
    int counter;

    @Test
    void everyPlanFieldReachesThePilot() throws Exception {
        PilotPlan plan = filled(PilotPlan.class);
        Pilot pilot = new Pilot();
        mapper.plan(plan, pilot);
        for (RecordComponent c : PilotPlan.class.getRecordComponents()) {
            if (c.getName().equals("partnerOrgnrs")) {
                continue; // stored as pilot_partner rows by the service
            }
            assertEquals(c.getAccessor().invoke(plan), Pilot.class.getField(c.getName()).get(pilot), c.getName());
        }
    }

    @Test
    void nullListsInThePlanLeaveThePilotsEmptyLists() {
        Pilot pilot = new Pilot();
        mapper.plan(new PilotPlan("t", null, null, null, null, null, "983971636", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null), pilot);
        assertEquals(List.of(), pilot.taskIds);
        assertEquals(List.of(), pilot.sources);
    }

    @Test
    void everyPilotFieldReachesTheEventAndTheView() throws Exception {
        Pilot pilot = new Pilot();
        for (Field f : Pilot.class.getFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                f.set(pilot, value(f.getType(), f.getGenericType()));
            }
        }
        List<String> partners = List.of("974116804");
        PilotRegistered event = mapper.registered(pilot, partners);
        for (RecordComponent c : PilotRegistered.class.getRecordComponents()) {
            Object expected = switch (c.getName()) {
                case "pilotId" -> pilot.id;
                case "partnerOrgnrs" -> partners;
                case "status" -> pilot.status.name();
                default -> Pilot.class.getField(c.getName()).get(pilot);
            };
            // the entity's nested records and the event's have the same components, not the same class
            assertEquals(plain(expected), plain(c.getAccessor().invoke(event)), c.getName());
        }
        PilotPartner partner = new PilotPartner();
        partner.orgnr = "974116804";
        partner.answer = "CONFIRMED";
        partner.answeredAt = Instant.parse("2026-01-02T03:04:05Z");
        PilotMapper.PilotView view = mapper.view(pilot, List.of(partner));
        for (RecordComponent c : PilotMapper.PilotView.class.getRecordComponents()) {
            Object actual = c.getAccessor().invoke(view);
            switch (c.getName()) {
                case "partners" -> assertEquals(List.of(new PilotMapper.PartnerView("974116804", "CONFIRMED", null,
                        partner.answeredAt)), actual);
                case "status" -> assertEquals(pilot.status.name(), actual);
                default -> assertEquals(Pilot.class.getField(c.getName()).get(pilot), actual, c.getName());
            }
            assertNotNull(actual, c.getName());
        }
    }

    /** Records as the lists of their component values, so equal content compares equal across record classes. */
    private static Object plain(Object o) throws Exception {
        if (o instanceof Record r) {
            List<Object> values = new ArrayList<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                values.add(plain(c.getAccessor().invoke(r)));
            }
            return values;
        }
        if (o instanceof List<?> l) {
            List<Object> values = new ArrayList<>();
            for (Object x : l) {
                values.add(plain(x));
            }
            return values;
        }
        return o;
    }

    private <T extends Record> T filled(Class<T> type) throws Exception {
        RecordComponent[] cs = type.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            args[i] = value(cs[i].getType(), cs[i].getGenericType());
        }
        return type.getDeclaredConstructor(types).newInstance(args);
    }

    /** A value no other component gets, so a field copied to the wrong place is seen. */
    private Object value(Class<?> type, Type generic) throws Exception {
        int n = ++counter;
        if (type == String.class) {
            return "v" + n;
        } else if (type == UUID.class) {
            return new UUID(0, n);
        } else if (type == Integer.class) {
            return n;
        } else if (type == Long.class) {
            return (long) n;
        } else if (type == LocalDate.class) {
            return LocalDate.of(2000, 1, 1).plusDays(n);
        } else if (type == Instant.class) {
            return Instant.ofEpochSecond(n);
        } else if (type == Pilot.Status.class) {
            return Pilot.Status.values()[n % Pilot.Status.values().length];
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            list.add(value((Class<?>) element, element));
            return list;
        } else if (type.isRecord()) {
            @SuppressWarnings("unchecked") Class<? extends Record> r = (Class<? extends Record>) type;
            return filled(r);
        }
        throw new IllegalStateException("no test value for " + type + " (a new field type: add it here)");
    }

}
