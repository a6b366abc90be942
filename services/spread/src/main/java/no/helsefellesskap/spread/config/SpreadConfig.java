package no.helsefellesskap.spread.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Settings of the spread service, under {@code spread.*}. */
@ConfigMapping(prefix = "spread")
public interface SpreadConfig {

    Webhook webhook();

    Stream stream();

    Dashboard dashboard();

    Rebuild rebuild();

    Feed feed();

    interface Feed {
        /**
         * How long a young evaluation waits for its pilot, which comes on another topic, before it is put in the feed
         * without the pilot's partnership and places (its consumer retries meanwhile; other topics go on).
         */
        @WithDefault("60s")
        Duration contextWait();
    }

    interface Rebuild {
        /** The rebuild is one transaction; this bounds it. */
        @WithDefault("1h")
        Duration timeout();
    }

    interface Webhook {
        /** Private, loopback and link-local targets are refused unless this is set (local runs and tests set it). */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** Plain http targets are refused unless this is set. */
        @WithDefault("false")
        boolean allowHttp();

        /** First retry delay; each further retry doubles it, up to {@link #maxBackoff()}, with jitter. */
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** Share of each delay drawn at random (0.2 = ±20 %), so failed receivers are not hit in lockstep. */
        @WithDefault("0.2")
        double jitter();

        /** A subscription whose oldest undelivered event has failed for this long is paused (owner sees why). */
        @WithDefault("24h")
        Duration pauseAfter();

        /** How long the old secrets stay valid after a rotation. */
        @WithDefault("24h")
        Duration rotationOverlap();

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration requestTimeout();

        /**
         * How often the dispatcher looks for due deliveries when nothing woke it: a safety net, since new deliveries,
         * resumes and replays wake it and it waits for the next retry's due time.
         */
        @WithDefault("10s")
        Duration pollInterval();

        @WithDefault("8")
        int concurrency();

        @WithDefault("true")
        boolean enabled();
    }

    interface Stream {
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("20s")
        Duration keepAlive();

        /** Open SSE streams one caller (token subject and organisation) may hold; more get 429. */
        @WithDefault("10")
        int maxPerCaller();
    }

    interface Dashboard {
        /** Personnel groups the dashboard counts as the usual ones (doctors, nurses, health-care workers). */
        @WithDefault("LE,SP,HF")
        List<String> coreGroups();

        /** The freed-time scenario shown (low, middle, high). */
        @WithDefault("middle")
        String freedTimeScenario();
    }
}
