package no.helsefellesskap.bench;

import no.helsefellesskap.model.events.EventTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One event that matches 1,000 subscriptions, each with its own webhook and secret: time until all have it. */
final class FanOut {

    record Result(double firstMs, double allMs) {
    }

    static Section run(BenchContext ctx) throws Exception {
        int n = ctx.smoke ? 20 : 1000;
        Section s = new Section("fanout", "Fan-out: one event to " + n + " subscriptions");
        Result r = measure(ctx, s, n, "fan-" + ctx.runId + "-");
        s.line(ctx.repeats + " runs, each one `POST /api/pilots` whose `pilot.registered` event matches all " + n
                + " subscriptions (owner Lørenskog, filter partnership HFS-AHUS and that type), each with its own "
                + "webhook URL and secret on one local receiver that verifies every signature. Time from the "
                + "request being sent; medians of the runs. Webhook concurrency is the production default (8).");
        s.table(List.of("subscriptions", "first delivered (ms)", "all delivered (ms)", "deliveries per second"),
                List.of(List.of(String.valueOf(n), Stats.f(r.firstMs()), Stats.f(r.allMs()),
                        Stats.f(n / (r.allMs() / 1000)))));
        return s;
    }

    /** Medians over {@code ctx.repeats} events, each to {@code n} new subscriptions (removed again afterwards). */
    static Result measure(BenchContext ctx, Section s, int n, String prefix) throws Exception {
        List<String> subs = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                subs.add(ctx.subscribe(prefix + i, "{\"partnerships\":[\"HFS-AHUS\"],\"eventTypes\":[\"" + EventTypes.PILOT_REGISTERED.type() + "\"]}"));
            }
            List<Double> allMs = new ArrayList<>();
            List<Double> firstMs = new ArrayList<>();
            for (int r = 0; r < ctx.repeats; r++) {
                ctx.receiver.clear();
                long t0 = System.nanoTime();
                String pilot = ctx.tree(ctx.registerPilot("Bench fan-out " + ctx.runId + " " + r).body()).path("id").asText();
                boolean all = BenchContext.await(Duration.ofMinutes(5), () -> keysWith(ctx, pilot, prefix).size() == n);
                s.require(all, "run " + r + ": " + keysWith(ctx, pilot, prefix).size() + " of " + n + " delivered");
                List<Long> arrivals = ctx.receiver.accepted().stream()
                        .filter(d -> d.key().startsWith(prefix) && pilot.equals(d.body().path("subject").asText()) && d.verified())
                        .map(Receiver.Delivery::arrivedNanos).sorted().toList();
                allMs.add((arrivals.get(arrivals.size() - 1) - t0) / 1e6);
                firstMs.add((arrivals.get(0) - t0) / 1e6);
                long dup = arrivals.size() - keysWith(ctx, pilot, prefix).size();
                s.require(dup == 0, "run " + r + ": " + dup + " duplicate deliveries");
                System.out.printf("[bench] fan-out run %d: all %d delivered after %.0f ms%n", r, n, allMs.get(r));
            }
            return new Result(Stats.median(firstMs), Stats.median(allMs));
        } finally {
            subs.forEach(ctx::unsubscribe);
            ctx.receiver.clear();
        }
    }

    private static Set<String> keysWith(BenchContext ctx, String pilot, String prefix) {
        return ctx.receiver.accepted().stream()
                .filter(d -> d.key().startsWith(prefix) && pilot.equals(d.body().path("subject").asText()) && d.verified())
                .map(Receiver.Delivery::key).collect(Collectors.toSet());
    }
}
