package no.helsefellesskap.spread;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import no.helsefellesskap.infra.test.SaslTestInfrastructure;
import no.helsefellesskap.infra.test.TestTokens;
import no.helsefellesskap.model.events.EventTypes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The rebuild reads every topic with a consumer of its own: on a cluster that asks for a SASL login it must log in
 * with the connector's settings, like the relay and the topic bootstrap (runtime's SaslKafkaTest).
 */
@QuarkusTest
@TestProfile(SaslTestInfrastructure.Profile.class)
class RebuildOverSaslTest {

    @Test
    void theRebuildReadsTheTopicsWithTheConnectorsLogin() {
        UUID pilot = UUID.randomUUID();
        String json = "{\"pilotId\":\"" + pilot + "\",\"title\":\"Over SASL\",\"ownerOrgnr\":\"983971636\","
                + "\"status\":\"PLANNED\",\"taskIds\":[],\"fromGroups\":[],\"toGroups\":[],\"priorityGroups\":[],"
                + "\"settings\":[],\"partnerOrgnrs\":[],\"registeredAt\":\"" + Instant.now() + "\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(SaslTestInfrastructure.PLAIN),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> r = new ProducerRecord<>(EventTypes.TOPIC_PILOTS, pilot.toString(), json);
            for (String[] h : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                    {"ce_type", EventTypes.PILOT_REGISTERED.type()}, {"ce_source", "/pilot-projects"}}) {
                r.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
            }
            producer.send(r);
        }
        String admin = "Bearer " + TestTokens.token(null, "programme-admin");
        // the live consumer (the connector, over SASL) applies it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", admin)
                .get("/api/pilots/" + pilot).then().statusCode(200));
        // the rebuild empties the read models and replays every topic with its own consumer, over SASL
        given().header("Authorization", admin).post("/api/admin/read-models/rebuild").then().statusCode(200)
                .body("applied", greaterThanOrEqualTo(1));
        given().header("Authorization", admin).get("/api/pilots/" + pilot).then().statusCode(200)
                .body("title", equalTo("Over SASL"));
    }
}
