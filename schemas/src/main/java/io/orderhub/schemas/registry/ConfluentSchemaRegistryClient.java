package io.orderhub.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client for the Confluent Schema Registry REST API (also served by Apicurio's ccompat API and
 * Karapace). Written here because Confluent's own client is not published on Maven Central; it uses
 * only the two calls the serde needs, and caches both directions, as Confluent's client does.
 */
final class ConfluentSchemaRegistryClient implements SchemaRegistry {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUri;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    ConfluentSchemaRegistryClient(URI baseUri) {
        String base = baseUri.toString();
        this.baseUri = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubject
                .computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    String body =
                            json.createObjectNode().put("schema", s.toString()).toString();
                    String path = "subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions";
                    JsonNode answer = call(HttpRequest.newBuilder(baseUri.resolve(path))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
                    int id = answer.path("id").asInt(-1);
                    if (id < 0) {
                        throw new SchemaRegistryException("Registry answered no id for subject " + subject);
                    }
                    schemasById.putIfAbsent(id, s);
                    return id;
                });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode answer = call(HttpRequest.newBuilder(baseUri.resolve("schemas/ids/" + key))
                    .GET());
            String schemaType = answer.path("schemaType").asText("AVRO");
            if (!"AVRO".equals(schemaType)) {
                throw new SchemaRegistryException("Schema " + key + " is " + schemaType + ", not AVRO");
            }
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    private JsonNode call(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT)
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SchemaRegistryException("Schema registry answered " + response.statusCode() + " to "
                        + built.method() + " " + built.uri().getPath() + ": " + errorMessage(response.body()));
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema registry unreachable at " + baseUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while calling the schema registry", e);
        }
    }

    private String errorMessage(String body) {
        try {
            return json.readTree(body).path("message").asText(body);
        } catch (IOException e) {
            return body;
        }
    }
}
