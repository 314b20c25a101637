package io.orderhub.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Requests generated from a service's OpenAPI description: for each operation, bodies of the described
 * shape carrying boundary and hostile values, broken bodies, hostile path and query parameters, odd
 * headers, content types and methods.
 *
 * <p>A seeded {@link Random} drives it rather than jqwik: jqwik (1.10.x, the last release) runs on JUnit
 * Platform 1.x and does not support the JUnit 6 platform Spring Boot 4 brings, and its JUnit Platform 1
 * dependencies would break the enforcer's dependency convergence. Every request comes from its own
 * {@code Random(seed)}, so the seed printed with a failure reproduces that exact request.
 */
final class HostileRequests {

    /** One operation of the description: {@code method path}, its parameters and its JSON body schema. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request as sent: method, raw path and query, headers and body bytes. */
    record Request(String method, String target, Map<String, String> headers, byte[] body, String variant) {

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(target, 300) + " [" + variant + "] headers=" + headers + " body("
                    + body.length + " bytes)=" + abbreviate(text, 400);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE"};

    /** Numbers as raw JSON literals: out of range, overflowing exponents, negative zero, too precise. */
    private static final String[] HOSTILE_NUMBERS = {
        "1e999999999",
        "-1e999999999",
        "1e-999999999",
        "1E+2147483648",
        "9999999999999999.99",
        "99999999999999999999999999999999999999999",
        "-0",
        "-0.0",
        "0",
        "-1",
        "0.001",
        "1.005",
        "0.000000000000000000000000001",
        "2147483648",
        "-9223372036854775809",
        "1.7976931348623157e309",
        "4.9e-325",
        "12.345678901234567890123456789"
    };

    /** Strings: special numbers, control characters and NUL, unicode edge cases, injection attempts. */
    private static final String[] HOSTILE_STRINGS = {
        "NaN",
        "Infinity",
        "-Infinity",
        "",
        " ",
        "\u0000",
        "a\u0000b",
        "\u0001\u0002\u001b[31m\u007f",
        "\r\nX-Injected: 1",
        "\ud83d\ude00\ud83d\udca9",
        "\u202eevil\u202c",
        "\u200b\ufeff",
        "e\u0301\u0301\u0301\u0301\u0301",
        "' OR '1'='1' --",
        "'; drop table orders; --",
        "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1/a}",
        "%s%s%s%n",
        "../../../../etc/passwd",
        "+999999999-12-31",
        "-999999999-01-01T00:00:00Z",
        "+999999999-12-31T23:59:59.999999999Z",
        "2024-02-30",
        "2024-13-45T99:99:99Z",
        "1e999999999",
        "9999999999999999.99",
        "-0",
        "null",
        "true",
        "0x1F",
        "00000000-0000-0000-0000-00000000000g",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "00000000-0000-0000-0000-000000000000",
        "EUR\u0000",
        "eur",
        "XXX",
        "not an email",
        "a@b",
        "javascript:alert(1)",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd"
    };

    private static final String[] HOSTILE_PATH_SEGMENTS = {
        "",
        "..",
        "%2e%2e",
        "%2E%2E%2F%2E%2E",
        "..%2f..%2factuator",
        "%00",
        "a%00b",
        "%2f",
        "a%2fb",
        ";jsessionid=1",
        "x;y=z",
        "%3B",
        "%25",
        "%252e%252e",
        "%C0%AE%C0%AE",
        "%FF%FE",
        "%F0%9F%98%80",
        "%E2%80%AE",
        "-1",
        "0",
        "1e999999999",
        "9999999999999999.99",
        "null",
        "00000000-0000-0000-0000-000000000000",
        "%20",
        "~",
        "'%20OR%201=1",
        "%0d%0aX-Injected:%201",
        "%3Cscript%3E"
    };

    private static final String[] HOSTILE_QUERY_VALUES = {
        "-1",
        "0",
        "201",
        "999999999999999999999",
        "1e3",
        "1e999999999",
        "abc",
        "",
        "+999999999-12-31",
        "-999999999-01-01",
        "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z",
        "2024-13-45T99:99:99Z",
        "2024-02-30",
        "\u0000",
        "AAAA",
        "!!!not-base64!!!",
        "eyJ0IjoiKzk5OTk5OTk5OS0xMi0zMVQyMzo1OTo1OVoiLCJpZCI6Im5vcGUifQ",
        "MTcwMDAwMDAwMDAwMDp4",
        "' OR 1=1 --",
        "\ud83d\ude00",
        "NaN"
    };

    private static final String[] CONTENT_TYPES = {
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "application/json; charset=ISO-8859-1",
        "application/json; charset=UTF-16",
        "application/json; charset=nonsense",
        "*/*",
        "application/problem+json",
        "application/merge-patch+json",
        "garbage",
        "application/json; boundary=\"x\"; q=oops"
    };

    private static final String[] ACCEPTS = {
        "text/html",
        "application/xml",
        "*/*",
        "text/html,application/xhtml+xml",
        "application/problem+json",
        "image/png",
        "text/plain"
    };

    private final JsonNode api;
    private final List<Operation> operations;
    private final Map<String, String> keys;
    private final List<String> knownIds;
    private final Map<String, Function<byte[], String>> signers;

    /**
     * @param keys the API keys to use, by channel name
     * @param knownIds ids of existing resources, to reach past the "not found" answers
     * @param signers for webhook paths: the header that carries the provider's signature over a body
     */
    HostileRequests(
            JsonNode api,
            Map<String, String> keys,
            List<String> knownIds,
            Map<String, Function<byte[], String>> signers) {
        this.api = api;
        this.keys = keys;
        this.knownIds = knownIds;
        this.signers = signers;
        this.operations = operations(api);
    }

    List<Operation> operations() {
        return operations;
    }

    /** The {@code index}th request: operations in turn, each variant drawn from {@code Random(seed)}. */
    Request request(int index, long seed) {
        Random random = new Random(seed);
        Operation operation = operations.get(index % operations.size());
        List<String> variant = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();

        String method = operation.method();
        if (random.nextInt(100) < 6) {
            method = pick(random, METHODS);
            variant.add("method " + method);
        }
        String target = path(operation, random, variant) + query(operation, random, variant);
        authorize(headers, random, variant);
        if (random.nextInt(100) < 15) {
            headers.put("Accept", pick(random, ACCEPTS));
        }
        if (random.nextInt(100) < 8) {
            headers.put("X-Request-Id", random.nextBoolean() ? "x".repeat(400) : "../../<id>\"");
        }

        byte[] body = new byte[0];
        boolean writes = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        if (writes) {
            idempotencyKey(headers, random);
        }
        if (operation.bodySchema() != null || (writes && random.nextInt(100) < 10)) {
            body = body(operation.bodySchema(), random, variant);
            if (random.nextInt(100) < 12) {
                String contentType = pick(random, CONTENT_TYPES);
                headers.put("Content-Type", contentType);
                variant.add("content-type " + contentType);
            } else if (random.nextInt(100) < 4) {
                variant.add("no content-type");
            } else {
                headers.put("Content-Type", "application/json");
            }
        }
        Function<byte[], String> signer = signers.get(operation.path());
        if (signer != null && random.nextInt(100) < 60) {
            String header = signer.apply(body);
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon), header.substring(colon + 1));
            variant.add("signed");
        }
        return new Request(method, target, headers, body, String.join(", ", variant));
    }

    // --- paths, queries and headers -----------------------------------------------------------------

    private String path(Operation operation, Random random, List<String> variant) {
        String path = operation.path();
        for (JsonNode parameter : operation.parameters()) {
            if (!parameter.path("in").asText().equals("path")) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value;
            if (random.nextInt(100) < 40) {
                value = random.nextInt(100) < 8
                        ? "a".repeat(1 + random.nextInt(6000))
                        : pick(random, HOSTILE_PATH_SEGMENTS);
                variant.add("path " + name + "=" + abbreviate(value, 40));
            } else if (!knownIds.isEmpty() && random.nextBoolean()) {
                value = knownIds.get(random.nextInt(knownIds.size()));
            } else {
                value = encode(
                        valid(resolve(parameter.path("schema")), random, 0).asText());
            }
            path = path.replace("{" + name + "}", value);
        }
        if (random.nextInt(100) < 3) {
            String suffix = pick(random, new String[] {"/", "//", "/.", "/..", ";x", "%2f", "/extra", ".json", "?"});
            path = path + suffix;
            variant.add("path suffix " + suffix);
        }
        return path;
    }

    private String query(Operation operation, Random random, List<String> variant) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.parameters()) {
            if (!parameter.path("in").asText().equals("query") || random.nextInt(100) < 30) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value;
            if (random.nextInt(100) < 55) {
                value = random.nextInt(100) < 5 ? "z".repeat(3000) : pick(random, HOSTILE_QUERY_VALUES);
                variant.add("query " + name + "=" + abbreviate(value, 40));
            } else {
                value = valid(resolve(parameter.path("schema")), random, 0).asText();
            }
            pairs.add(name + "=" + encode(value));
            if (random.nextInt(100) < 5) {
                pairs.add(name + "=" + encode(pick(random, HOSTILE_QUERY_VALUES)));
                variant.add("query " + name + " twice");
            }
        }
        if (random.nextInt(100) < 5) {
            pairs.add(encode(pick(random, HOSTILE_STRINGS)) + "=" + encode(pick(random, HOSTILE_STRINGS)));
            variant.add("unknown query parameter");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private void authorize(Map<String, String> headers, Random random, List<String> variant) {
        int draw = random.nextInt(100);
        List<String> channels = new ArrayList<>(keys.keySet());
        if (draw < 35 && keys.containsKey("admin")) {
            headers.put("Authorization", "Bearer " + keys.get("admin"));
        } else if (draw < 82) {
            String channel = channels.get(random.nextInt(channels.size()));
            headers.put("Authorization", "Bearer " + keys.get(channel));
        } else if (draw < 88) {
            variant.add("no key");
        } else {
            String authorization = pick(random, new String[] {
                "Bearer unknown-key-0000000",
                "Bearer ",
                "Bearer",
                "Basic YWRtaW46YWRtaW4=",
                "bearer " + keys.values().iterator().next(),
                "Bearer " + "k".repeat(5000),
                "Bearer " + keys.values().iterator().next() + " extra",
                "Digest username=\"admin\""
            });
            headers.put("Authorization", authorization);
            variant.add("authorization " + abbreviate(authorization, 30));
        }
    }

    private static void idempotencyKey(Map<String, String> headers, Random random) {
        int draw = random.nextInt(100);
        if (draw < 45) {
            headers.put("Idempotency-Key", "fuzz-" + Long.toHexString(random.nextLong()));
        } else if (draw < 55) {
            headers.put("Idempotency-Key", pick(random, new String[] {
                "k".repeat(256), "k".repeat(5000), "with space", "\"quoted\"", "<>{}|\\^`", "-", "\t"
            }));
        }
    }

    // --- bodies ---------------------------------------------------------------------------------------

    private byte[] body(JsonNode schema, Random random, List<String> variant) {
        JsonNode valid = schema == null ? NODES.objectNode() : valid(resolve(schema), random, 0);
        int draw = random.nextInt(100);
        if (draw < 12) {
            variant.add("valid shape");
            return bytes(valid);
        }
        if (draw < 40) {
            variant.add("one hostile value");
            return bytes(replaceOne(valid, random, () -> hostileValue(random)));
        }
        if (draw < 50) {
            variant.add("many hostile values");
            return bytes(replaceAll(valid, random));
        }
        if (draw < 57) {
            variant.add("wrong type");
            return bytes(replaceOne(valid, random, () -> wrongType(random)));
        }
        if (draw < 63) {
            variant.add("missing fields");
            return bytes(dropFields(valid, random));
        }
        if (draw < 68) {
            variant.add("extra fields");
            return bytes(extraFields(valid, random));
        }
        if (draw < 72) {
            int depth = 200 + random.nextInt(4800);
            variant.add("nesting " + depth);
            return bytes(replaceOne(valid, random, () -> nested(depth, random.nextBoolean())));
        }
        if (draw < 75) {
            variant.add("empty body");
            return new byte[0];
        }
        if (draw < 88) {
            variant.add("invalid json");
            return invalidJson(bytes(valid), random);
        }
        if (draw < 92) {
            variant.add("top-level " + "wrong type");
            return pick(random, new String[] {"[]", "\"text\"", "42", "null", "true", "[{}]", "1e999999999"})
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (draw < 96) {
            int size = 1000 + random.nextInt(20_000);
            variant.add("long array/string " + size);
            return bytes(replaceOne(valid, random, () -> random.nextBoolean() ? longArray(size) : longString(size)));
        }
        if (draw < 98) {
            variant.add("over 1 MiB");
            return bytes(replaceOne(valid, random, () -> NODES.textNode("x".repeat(1_100_000))));
        }
        variant.add("duplicate keys");
        String text = new String(bytes(valid), StandardCharsets.UTF_8);
        return text.startsWith("{") && text.length() > 2
                ? ("{" + text.substring(1, text.length() - 1) + "," + text.substring(1))
                        .getBytes(StandardCharsets.UTF_8)
                : bytes(valid);
    }

    /** A value of the schema's shape: the happy path's values, so that one hostile value reaches deep. */
    JsonNode valid(JsonNode schema, Random random, int depth) {
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        for (String composed : new String[] {"oneOf", "anyOf", "allOf"}) {
            if (schema.has(composed)) {
                JsonNode choices = schema.get(composed);
                return valid(resolve(choices.get(random.nextInt(choices.size()))), random, depth);
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if (schema.path("type").isArray()) {
            type = schema.path("type").get(0).asText();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 6) {
                    yield object;
                }
                Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(property.getKey(), valid(resolve(property.getValue()), random, depth + 1));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int count = depth > 6 ? 0 : 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    array.add(valid(resolve(schema.path("items")), random, depth + 1));
                }
                yield array;
            }
            case "integer" ->
                NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() + 1 : 1 + random.nextInt(5));
            case "number" -> NODES.numberNode(new java.math.BigDecimal((1 + random.nextInt(9999)) + ".50"));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(validString(schema, random));
        };
    }

    private String validString(JsonNode schema, Random random) {
        String format = schema.path("format").asText("");
        return switch (format) {
            case "uuid" ->
                !knownIds.isEmpty() && random.nextBoolean()
                        ? knownIds.get(random.nextInt(knownIds.size()))
                        : UUID.randomUUID().toString();
            case "date-time" -> Instant.now().toString();
            case "date" -> LocalDate.now().toString();
            case "email" -> "buyer" + random.nextInt(1000) + "@example.com";
            case "uri", "url" -> "https://example.com/return/" + random.nextInt(1000);
            default -> {
                if (schema.path("pattern").asText("").contains("A-Z]{3}")
                        || schema.path("maxLength").asInt(0) == 3) {
                    yield "EUR";
                }
                int max = schema.path("maxLength").asInt(12);
                int length = Math.max(schema.path("minLength").asInt(1), Math.min(max, 3 + random.nextInt(10)));
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                yield text.toString();
            }
        };
    }

    private static JsonNode hostileValue(Random random) {
        int draw = random.nextInt(100);
        if (draw < 40) {
            return NODES.rawValueNode(new RawValue(pick(random, HOSTILE_NUMBERS)));
        }
        if (draw < 85) {
            return NODES.textNode(pick(random, HOSTILE_STRINGS));
        }
        if (draw < 92) {
            return random.nextBoolean() ? longString(1000 + random.nextInt(60_000)) : NODES.nullNode();
        }
        return wrongType(random);
    }

    private static JsonNode wrongType(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(true);
            case 2 -> NODES.arrayNode().add(1).add("two");
            case 3 -> NODES.objectNode().put("nested", "object");
            case 4 -> NODES.numberNode(42);
            case 5 -> NODES.textNode("forty-two");
            default -> NODES.arrayNode();
        };
    }

    private static JsonNode replaceOne(JsonNode root, Random random, java.util.function.Supplier<JsonNode> value) {
        JsonNode copy = root.deepCopy();
        List<Slot> slots = new ArrayList<>();
        slots(copy, slots);
        if (slots.isEmpty()) {
            return value.get();
        }
        slots.get(random.nextInt(slots.size())).set(value.get());
        return copy;
    }

    private static JsonNode replaceAll(JsonNode root, Random random) {
        JsonNode copy = root.deepCopy();
        List<Slot> slots = new ArrayList<>();
        slots(copy, slots);
        for (Slot slot : slots) {
            if (random.nextInt(100) < 35) {
                slot.set(hostileValue(random));
            }
        }
        return copy;
    }

    private static JsonNode dropFields(JsonNode root, Random random) {
        JsonNode copy = root.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        objects(copy, objects);
        for (ObjectNode object : objects) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.stream().filter(name -> random.nextInt(100) < 40).forEach(object::remove);
        }
        return copy;
    }

    private static JsonNode extraFields(JsonNode root, Random random) {
        JsonNode copy = root.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        objects(copy, objects);
        if (objects.isEmpty()) {
            return copy;
        }
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        String name = pick(random, new String[] {
            "__proto__",
            "@class",
            "@type",
            "constructor",
            "",
            "\u0000",
            "\ud83d\ude00",
            "x".repeat(10_000),
            "id",
            "status",
            "version",
            "success"
        });
        object.set(name, hostileValue(random));
        object.put("unexpected_" + random.nextInt(100), "value");
        return copy;
    }

    private static JsonNode nested(int depth, boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return NODES.rawValueNode(new RawValue(open.repeat(depth) + "1" + close.repeat(depth)));
    }

    private static JsonNode longArray(int size) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
            array.add(i);
        }
        return array;
    }

    private static JsonNode longString(int size) {
        StringBuilder text = new StringBuilder(size);
        String alphabet = "aé漢\ud83d\ude00 ";
        while (text.length() < size) {
            text.append(alphabet);
        }
        return NODES.textNode(text.toString());
    }

    private static byte[] invalidJson(byte[] valid, Random random) {
        String text = new String(valid, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(11)) {
            case 0 -> out.write(valid, 0, Math.max(0, random.nextInt(Math.max(1, valid.length))));
            case 1 -> out.writeBytes((text + "}garbage").getBytes(StandardCharsets.UTF_8));
            case 2 -> {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(valid);
            }
            case 3 -> out.writeBytes(text.replace('"', '\'').getBytes(StandardCharsets.UTF_8));
            case 4 ->
                out.writeBytes(text.replaceFirst(":\\s*[^,}\\]]+", ": NaN").getBytes(StandardCharsets.UTF_8));
            case 5 -> out.writeBytes(text.replaceFirst("}$", ",}").getBytes(StandardCharsets.UTF_8));
            case 6 -> out.writeBytes(("/* comment */" + text).getBytes(StandardCharsets.UTF_8));
            case 7 -> {
                out.write(valid, 0, valid.length / 2);
                out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
                out.write(valid, valid.length / 2, valid.length - valid.length / 2);
            }
            case 8 -> {
                out.writeBytes(valid);
                out.writeBytes(new byte[] {0, 0, 0});
            }
            case 9 -> out.writeBytes(text.replaceFirst("\"", "\"\u0000").getBytes(StandardCharsets.UTF_8));
            default -> out.writeBytes("{\"unterminated\": \"".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    // --- the description ------------------------------------------------------------------------------

    private static List<Operation> operations(JsonNode api) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                method.getValue().path("parameters").forEach(parameters::add);
                JsonNode content = method.getValue().path("requestBody").path("content");
                JsonNode schema = null;
                Iterator<Map.Entry<String, JsonNode>> mediaTypes = content.fields();
                while (mediaTypes.hasNext() && schema == null) {
                    schema = mediaTypes.next().getValue().get("schema");
                }
                operations.add(
                        new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters, schema));
            }
        }
        return operations;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        for (int hops = 0; resolved.has("$ref") && hops < 10; hops++) {
            String reference = resolved.get("$ref").asText();
            resolved = api.at(reference.substring(1));
        }
        return resolved.isMissingNode() ? NODES.objectNode() : resolved;
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** A place in a JSON tree that holds a value: an object's field or an array's element. */
    private record Slot(JsonNode parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void slots(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(object, name, -1));
                slots(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                slots(array.get(i), slots);
            }
        }
    }

    private static void objects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> objects(child, objects));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…(" + text.length() + " chars)";
    }
}
