package cn.youfu.dispatch;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Youfu's Open311 endpoint driven the way FixMyStreet's client drives a council's ({@code perllib/Open311.pm} in
 * mysociety/fixmystreet): XML endpoints; {@code jurisdiction_id} added to every call; {@code api_key} added to the
 * form body of every POST and, for {@code servicerequestupdates}, to the query of the GET; the reporter's name split
 * at its first space into {@code first_name} and {@code last_name}; dates as {@code DateTime::Format::W3CDTF} writes a
 * UTC time ({@code 2026-12-08T02:00:00Z}); answers read as {@code XML::Simple} reads them (by element name).
 */
final class FixMyStreetClient {

    static final String JURISDICTION = "fuzhou.gov.cn";
    private static final Pattern NAME = Pattern.compile("(\\S+)(?:\\.?\\s+(.+))?");

    private final MockMvc mvc;
    private final String apiKey;
    private final String jurisdiction;

    FixMyStreetClient(MockMvc mvc, String apiKey, String jurisdiction) {
        this.mvc = mvc;
        this.apiKey = apiKey;
        this.jurisdiction = jurisdiction;
    }

    /** {@code send_service_request}: the problem's fields as form fields of a POST to {@code requests.xml}. */
    MvcResult postRequest(Map<String, String> fields) throws Exception {
        return send("requests.xml", fields);
    }

    /** {@code post_service_request_update}: a comment as form fields of a POST to {@code servicerequestupdates.xml}. */
    MvcResult postUpdate(Map<String, String> fields) throws Exception {
        return send("servicerequestupdates.xml", fields);
    }

    /** {@code get_service_request_updates}: both dates or neither, and the API key in the query, as the client does. */
    MvcResult getUpdates(Instant start, Instant end) throws Exception {
        var request = get("/open311/v2/servicerequestupdates.xml").queryParam("api_key", apiKey)
                .queryParam("start_date", w3c(start)).queryParam("end_date", w3c(end));
        return mvc.perform(jurisdiction == null ? request : request.queryParam("jurisdiction_id", jurisdiction))
                .andReturn();
    }

    /** {@code _get}: a GET with the given query and the jurisdiction. */
    MvcResult fetch(String path, Map<String, String> query) throws Exception {
        var request = get("/open311/v2/" + path);
        for (var entry : query.entrySet()) {
            request = request.queryParam(entry.getKey(), entry.getValue());
        }
        return mvc.perform(jurisdiction == null ? request : request.queryParam("jurisdiction_id", jurisdiction))
                .andReturn();
    }

    private MvcResult send(String path, Map<String, String> fields) throws Exception {
        var all = new LinkedHashMap<>(fields);
        if (jurisdiction != null) {
            all.put("jurisdiction_id", jurisdiction);
        }
        if (apiKey != null) {
            all.put("api_key", apiKey);
        }
        var request = post("/open311/v2/" + path);
        for (var field : all.entrySet()) {
            request = request.formField(field.getKey(), field.getValue());
        }
        return mvc.perform(request).andReturn();
    }

    /** {@code split_name}: the first word, and the rest. */
    static String[] splitName(String name) {
        var m = NAME.matcher(name);
        if (!m.find()) {
            return new String[] {"", ""};
        }
        return new String[] {m.group(1), m.group(2) == null ? "" : m.group(2)};
    }

    /** What {@code DateTime::Format::W3CDTF->format_datetime} writes for a UTC time. */
    static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC).toLocalDateTime()) + "Z";
    }

    static Document xml(MvcResult result) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(result.getResponse()
                .getContentAsByteArray()));
    }

    static String text(Document document, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
    }

    static int count(Document document, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET))
                .getLength();
    }

    /** A problem's fields as {@code _populate_service_request_params} sends them (no photo, no extra attributes). */
    static Map<String, String> problem(String serviceCode, String title, String detail, String name, double[] at) {
        var fields = new LinkedHashMap<String, String>();
        var split = splitName(name);
        fields.put("description", title + "\n\n" + detail + "\n\nhttps://fixmystreet.example/report/1\n");
        fields.put("service_code", serviceCode);
        fields.put("first_name", split[0]);
        fields.put("last_name", split[1]);
        fields.put("email", "resident@example.org");
        fields.put("lat", String.format(java.util.Locale.ROOT, "%.6f", at[0]));
        fields.put("long", String.format(java.util.Locale.ROOT, "%.6f", at[1]));
        return fields;
    }
}
