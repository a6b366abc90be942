package no.helsefellesskap.runtime.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * W3C trace context across the suite's asynchronous hops: a request's {@code traceparent} is stored with the outbox
 * row, sent as the CloudEvents distributed-tracing extension ({@code ce_traceparent}), continued by each consumer and
 * stored with a feed item, and sent on its webhook requests. Only a well-formed value is ever stored or sent (it is
 * parsed and written again). With the OpenTelemetry SDK disabled (the local default) nothing is exported and a
 * request's own traceparent is not read (the REST instrumentation is off); a context that arrives on a Kafka record is
 * still passed on.
 */
@ApplicationScoped
public class Traces {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    @Inject
    Tracer tracer;

    /** The current span's context as a {@code traceparent} value, or null when there is none. */
    public static String current() {
        return traceparent(Context.current());
    }

    /** {@code value} re-written when it is a valid {@code traceparent}, else null. */
    public static String normalised(String value) {
        return value == null || value.length() > 128 ? null : traceparent(parent(value));
    }

    static Context parent(String traceparent) {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, ONE_VALUE);
    }

    private static String traceparent(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code work} in a new span that continues {@code traceparent} (a root span when it is null or invalid),
     * with the trace id in the log context.
     */
    public <T> T inSpan(String name, SpanKind kind, String traceparent, Callable<T> work) throws Exception {
        Span span = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent(normalised(traceparent))).startSpan();
        SpanContext sc = span.getSpanContext();
        Object previousTrace = MDC.get("traceId");
        Object previousSpan = MDC.get("spanId");
        try (Scope ignored = span.makeCurrent()) {
            if (sc.isValid()) {
                MDC.put("traceId", sc.getTraceId());
                MDC.put("spanId", sc.getSpanId());
            }
            return work.call();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            restore("traceId", previousTrace);
            restore("spanId", previousSpan);
        }
    }

    /** {@link #inSpan} for work that throws only unchecked exceptions. */
    public void run(String name, SpanKind kind, String traceparent, Runnable work) {
        call(name, kind, traceparent, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #inSpan} for work that throws only unchecked exceptions, with its result. */
    public <T> T call(String name, SpanKind kind, String traceparent, java.util.function.Supplier<T> work) {
        try {
            return inSpan(name, kind, traceparent, work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
