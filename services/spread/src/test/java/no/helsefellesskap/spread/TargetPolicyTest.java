package no.helsefellesskap.spread;

import no.helsefellesskap.spread.delivery.webhook.TargetPolicy;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook targets, without a network: the resolver is a stand-in. */
class TargetPolicyTest {

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static TargetPolicy resolvingTo(String... literals) {
        return new TargetPolicy(false, false, host -> java.util.Arrays.stream(literals).map(TargetPolicyTest::ip)
                .toArray(InetAddress[]::new));
    }

    /** Found by an outside test: these reach into a network and were let through. */
    @Test
    void addressesInsideANetworkAreRefusedInEveryForm() {
        for (String inside : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "100.127.255.254", "198.18.0.1", "198.19.255.255", "240.0.0.1", "255.255.255.255",
                "192.0.0.8", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "::10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1",
                "64:ff9b:1::1", "2002:7f00:1::", "2002:a00:1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "100::1")) {
            assertTrue(resolvingTo(inside).refusal("https://hooks.example.no/x").isPresent(), inside);
        }
    }

    @Test
    void publicAddressesAreAllowedAndOneBadAddressAmongGoodOnesRefusesTheName() {
        for (String outside : List.of("93.184.216.34", "8.8.8.8", "100.128.0.1", "198.20.0.1", "2001:4860:4860::8888",
                "2a00:1450:400f:80d::200e")) {
            assertFalse(resolvingTo(outside).refusal("https://hooks.example.no/x").isPresent(), outside);
        }
        assertTrue(resolvingTo("93.184.216.34", "10.0.0.1").refusal("https://hooks.example.no/x").isPresent());
    }

    /**
     * Found by an outside test: the address was checked, then the HTTP client resolved the name again (DNS
     * rebinding). The check now resolves once and hands over the address it checked, which the dispatcher connects to.
     */
    @Test
    void theNameIsResolvedOnceAndTheCheckedAddressIsTheOneToUse() {
        AtomicInteger lookups = new AtomicInteger();
        TargetPolicy rebinding = new TargetPolicy(false, false, host -> new InetAddress[] {
                lookups.getAndIncrement() == 0 ? ip("93.184.216.34") : ip("127.0.0.1")});
        TargetPolicy.Checked checked = rebinding.check("https://rebind.example.no/hook");
        assertFalse(checked.refused());
        assertEquals(ip("93.184.216.34"), checked.address());
        assertEquals(1, lookups.get(), "one lookup per check");
        assertTrue(rebinding.check("https://rebind.example.no/hook").refused(), "the next check sees the new answer");
    }

    @Test
    void schemesCredentialsAndFragmentsAreChecked() {
        TargetPolicy p = resolvingTo("93.184.216.34");
        assertTrue(p.refusal("http://hooks.example.no/x").isPresent());
        assertTrue(p.refusal("ftp://hooks.example.no/x").isPresent());
        assertTrue(p.refusal("https://user:pw@hooks.example.no/x").isPresent());
        assertTrue(p.refusal("https://hooks.example.no/x#frag").isPresent());
        assertTrue(new TargetPolicy(false, false, host -> {
            throw new UnknownHostException(host);
        }).refusal("https://nowhere.example.no/").isPresent());
    }
}
