package no.helsefellesskap.spread.delivery.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.helsefellesskap.spread.delivery.FeedService.FeedEntry;
import no.helsefellesskap.spread.delivery.domain.Subscription;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A subscription's feed as Atom (RFC 4287) and JSON Feed 1.1, with a readable title per event. */
public final class FeedFormats {

    private FeedFormats() {
    }

    /** A one-line title in bokmål ("nb") or English, from the item's event and context. */
    public static String title(FeedEntry e, String lang) {
        boolean nb = !"en".equals(lang);
        JsonNode ctx = e.body().path("context");
        JsonNode data = e.body().path("data");
        String pilot = ctx.path("pilot").path("title").asText(nb ? "ukjent utprøving" : "unknown pilot");
        String model = ctx.path("model").path("name").asText(data.path("name").asText(nb ? "ukjent modell" : "unknown model"));
        String t = e.type().replaceFirst("^no\\.helsefellesskap\\.[a-z-]+\\.", "").replaceFirst("\\.v\\d+$", "");
        return switch (t) {
            case "pilot.registered" -> (nb ? "Ny utprøving: " : "New pilot: ") + pilot;
            case "pilot.started" -> (nb ? "Utprøving startet: " : "Pilot started: ") + pilot;
            case "pilot.completed" -> (nb ? "Utprøving fullført: " : "Pilot completed: ") + pilot;
            case "pilot.abandoned" -> (nb ? "Utprøving avbrutt: " : "Pilot abandoned: ") + pilot
                    + reason(data.path("reason").asText(null));
            case "pilot.evaluation-overdue" -> (nb ? "Evaluering forsinket: " : "Evaluation overdue: ") + pilot;
            case "evaluation.published" -> (nb ? "Evaluering publisert: " : "Evaluation published: ") + pilot
                    + (nb ? " – anbefaling " : " – recommendation ") + data.path("recommendation").asText();
            case "model.published", "model.versioned" -> (nb ? "Modell publisert: " : "Model published: ") + model
                    + " v" + data.path("version").asText();
            case "model.proven" -> (nb ? "Modell utprøvd og anbefalt spredt: " : "Model proven: ") + model;
            case "adoption.declared" -> (nb ? "Tas i bruk: " : "Adoption declared: ") + model
                    + (nb ? " hos " : " by ") + data.path("adopterOrgnr").asText();
            case "adoption.completed" -> (nb ? "Innført: " : "Adoption completed: ") + model
                    + (nb ? " hos " : " by ") + data.path("adopterOrgnr").asText();
            case "adoption.abandoned" -> (nb ? "Innføring avbrutt: " : "Adoption abandoned: ") + model
                    + (nb ? " hos " : " by ") + data.path("adopterOrgnr").asText() + reason(data.path("reason").asText(null));
            default -> e.type();
        };
    }

    private static String reason(String code) {
        return code == null ? "" : " (" + code + ")";
    }

    public static String atom(Subscription s, List<FeedEntry> entries, String selfUrl, String baseUrl, String lang) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(w, "id", "urn:uuid:" + s.id());
            element(w, "title", s.name());
            element(w, "updated", (entries.isEmpty() ? s.updatedAt() : entries.get(0).occurredAt()).toString());
            w.writeStartElement("author");
            element(w, "name", "Oppgavedeling spread " + s.ownerOrgnr());
            w.writeEndElement();
            link(w, "self", selfUrl, "application/atom+xml");
            for (FeedEntry e : entries) {
                w.writeStartElement("entry");
                element(w, "id", "urn:uuid:" + uuidOr(e.eventId()));
                element(w, "title", title(e, lang));
                element(w, "updated", e.occurredAt().toString());
                element(w, "published", e.occurredAt().toString());
                w.writeStartElement("category");
                w.writeAttribute("term", e.type());
                w.writeEndElement();
                String href = href(e);
                if (href != null) {
                    link(w, "alternate", baseUrl + href, "application/json");
                }
                w.writeStartElement("content");
                w.writeAttribute("type", "application/json");
                w.writeCharacters(e.body().toString());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static ObjectNode jsonFeed(ObjectMapper json, Subscription s, List<FeedEntry> entries, String selfUrl,
                                      String baseUrl, String lang) {
        ObjectNode feed = json.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", s.name());
        feed.put("feed_url", selfUrl);
        feed.put("language", "en".equals(lang) ? "en" : "nb");
        ArrayNode items = feed.putArray("items");
        for (FeedEntry e : entries) {
            ObjectNode i = items.addObject();
            i.put("id", e.eventId());
            i.put("title", title(e, lang));
            i.put("content_text", title(e, lang));
            i.put("date_published", e.occurredAt().toString());
            String href = href(e);
            if (href != null) {
                i.put("url", baseUrl + href);
            }
            i.putArray("tags").add(e.type());
            i.set("_oppgavedeling", e.body());
        }
        return feed;
    }

    private static String href(FeedEntry e) {
        JsonNode h = e.body().path("context").path("pilot").path("href");
        return h.isMissingNode() || h.isNull() ? null : h.asText();
    }

    private static String uuidOr(String id) {
        return id.matches("[0-9a-fA-F-]{36}") ? id : java.util.UUID.nameUUIDFromBytes(id.getBytes()).toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
        w.writeAttribute("type", type);
    }

}
